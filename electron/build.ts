import { buildElectron } from './build-config';

await buildElectron();
console.log('built dist/electron/main.cjs and preload.cjs');
