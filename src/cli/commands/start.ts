// `assa start` / `npm start` (CONTRACTS.md): the Electron window when Electron's binary is
// installed; otherwise browser mode, printing http://127.0.0.1:PORT on a line of its own.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildElectronIfStale, ensureUiBuilt } from '../build-steps';
import { startBrowserMode } from '../browser-mode';
import { electronBinary } from '../electron-binary';
import { defaultDataDir, electronDist } from '../paths';
import type { ProfileId } from '../../../hardware/virtual/profiles';

export interface StartOptions {
  port?: number;
  dataDir?: string;
  browser?: boolean;
  build?: boolean;
  /** commander's --no-virtual gives virtual: false */
  virtual?: boolean;
  assa?: string;
  virtualTransport?: 'auto' | 'pty' | 'in-process';
  /** The virtual modem's device profile (`assa sim --profile`): huawei-ec (CDMA), zte-ac, generic-3gpp. */
  virtualProfile?: ProfileId;
  modemmanagerBus?: string;
}

const log = (s: string) => process.stderr.write(`assa: ${s}\n`);

export async function runStart(opts: StartOptions): Promise<void> {
  const dataDir = opts.dataDir ?? defaultDataDir();
  if (opts.build !== false) await ensureUiBuilt(log);

  const electron = opts.browser ? null : electronBinary();
  if (electron) {
    if (opts.build !== false) await buildElectronIfStale(log);
    const child = spawn(electron, [path.join(electronDist, 'main.cjs')], { stdio: 'inherit', env: { ...process.env, ASSA_DATA_DIR: dataDir, ...(opts.virtualProfile ? { ASSA_VIRTUAL_PROFILE: opts.virtualProfile } : {}) } });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (!opts.browser) log('the Electron binary is not installed: serving the app in browser mode');

  const mode = await startBrowserMode({
    dataDir,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    assaUrl: opts.assa ?? null,
    noVirtual: opts.virtual === false,
    virtualTransport: opts.virtualTransport ?? 'auto',
    ...(opts.virtualProfile ? { virtualProfile: opts.virtualProfile } : {}),
    ...(opts.modemmanagerBus ? { modemManagerBus: opts.modemmanagerBus } : {}),
    log,
  });
  if (opts.virtual !== false) log(`with no physical modem attached, the built-in virtual modem (number 441234567, profile ${opts.virtualProfile ?? 'huawei-ec'}) stands in`);
  process.stdout.write(`${mode.bridge.url}\n`);
  const stop = () => {
    mode.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
