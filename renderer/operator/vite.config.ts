import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The operator console (issue 14): its own entry and bundle, served by `assa server` at
// /operator/ (src/assa/operator/console-static.ts), apart from the app and the portal.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/operator/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/operator', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  logLevel: 'warn',
});
