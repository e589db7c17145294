// Browser mode: the composed app (core, embedded ASSA, modems) behind the loopback bridge,
// serving the built UI.
import { keyringBox } from '../app/account/secret-box';
import type { AppCore } from '../app/app-core';
import { createConfBackend } from '../app/settings/settings-backend';
import { startBridge, type Bridge } from '../bridge/bridge-server';
import { composeApp, type ComposedApp } from './compose-app';
import { readVersion, rendererDist } from './paths';
import type { ProfileId } from '../../hardware/virtual/profiles';

export interface BrowserModeOptions {
  dataDir: string;
  port?: number;
  assaUrl?: string | null;
  noVirtual?: boolean;
  virtualTransport?: 'auto' | 'pty' | 'in-process';
  virtualProfile?: ProfileId;
  /** ModemManager's bus address (default: the system bus, as on a desktop). */
  modemManagerBus?: string;
  log?: (line: string) => void;
}

export interface BrowserMode {
  core: AppCore;
  app: ComposedApp;
  bridge: Bridge;
  close(): Promise<void>;
}

export async function startBrowserMode(opts: BrowserModeOptions): Promise<BrowserMode> {
  const app = await composeApp({
    shell: 'browser',
    version: readVersion(),
    dataDir: opts.dataDir,
    settings: createConfBackend(opts.dataDir),
    // R-AUTO-2: the vault's key from the OS keyring where there is one; else a passphrase.
    secretBox: keyringBox(),
    assaUrl: opts.assaUrl ?? null,
    noVirtual: opts.noVirtual ?? false,
    virtualTransport: opts.virtualTransport ?? 'auto',
    ...(opts.virtualProfile ? { virtualProfile: opts.virtualProfile } : {}),
    ...(opts.modemManagerBus ? { modemManagerBus: opts.modemManagerBus } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });
  const bridge = await startBridge({ api: app.core, staticDir: rendererDist, port: opts.port ?? 0 });
  return {
    core: app.core,
    app,
    bridge,
    async close() {
      await bridge.close();
      await app.close();
    },
  };
}
