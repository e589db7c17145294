// AppApi over IPC. Every call is checked: it must come from our own page (the app://
// origin, checklist item 17), name a known method, and carry a request of the right shape.
import { ipcMain, type BrowserWindow } from 'electron';
import type { AppApi, AppMethod } from '../src/shared/app-contract';
import { checkAppCall } from '../src/shared/app-request-validation';
import { toErrorBody } from '../src/shared/errors';
import { isTrustedSender } from './security-policy';

export function wireIpc(api: AppApi, windows: () => BrowserWindow[]): () => void {
  ipcMain.handle('assa:call', async (event, method, request) => {
    if (!isTrustedSender(event.senderFrame?.url)) return { error: { code: 'forbidden', message: 'untrusted sender' } };
    try {
      const checked = checkAppCall(method, request);
      return { result: await api.call(checked.method as AppMethod, checked.request as never) };
    } catch (e) {
      return { error: toErrorBody(e) };
    }
  });
  const off = api.subscribe((e) => {
    for (const w of windows()) if (!w.webContents.isDestroyed()) w.webContents.send('assa:event', e);
  });
  return () => {
    off();
    ipcMain.removeHandler('assa:call');
  };
}
