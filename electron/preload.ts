// The narrow bridge between the sandboxed page and the main process: two functions, no
// Node, no ipcRenderer handed to the page (Signal Desktop's preload is the model).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

contextBridge.exposeInMainWorld('assa', {
  call: (method: string, request: unknown) => ipcRenderer.invoke('assa:call', method, request),
  onEvent: (listener: (event: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on('assa:event', wrapped);
    return () => ipcRenderer.removeListener('assa:event', wrapped);
  },
});
