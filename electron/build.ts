import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-config';

await buildElectron(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
console.log('built dist/electron/main.cjs and preload.cjs');
