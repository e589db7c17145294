// One AppApi for the UI, whichever shell it runs in: Electron's preload bridge when
// present, otherwise the loopback HTTP bridge whose token the page carries.
import type { AppApi } from '../../../src/shared/app-contract';
import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc-client';

export function pickClient(): AppApi {
  if (window.assa) return createIpcClient(window.assa);
  const token = document.querySelector<HTMLMetaElement>('meta[name="assa-bridge-token"]')?.content;
  if (!token) throw new Error('This page was not served by the ASSA app (no bridge token).');
  return createHttpClient(token);
}
