import { register } from 'tsx/esm/api';
register();
const t0 = Date.now();
await import(process.cwd() + '/src/cli/browser-mode.ts');
console.log('browser-mode import ms', Date.now() - t0);
const t1 = Date.now();
await import(process.cwd() + '/src/assa/embedded.ts');
console.log('embedded import ms', Date.now() - t1);
