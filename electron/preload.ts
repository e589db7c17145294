// The narrow bridge between the sandboxed page and the main process (preload-bridge.ts).
// Sandboxed preloads may require only 'electron'; esbuild inlines preload-bridge.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { preloadBridge } from './preload-bridge';

contextBridge.exposeInMainWorld('assa', preloadBridge(ipcRenderer));
