// Browser mode: the app's core behind the loopback bridge, serving the built UI.
import { mkdirSync } from 'node:fs';
import { keyringBox } from '../app/account/secret-box';
import { createAppCore, type AppCore } from '../app/app-core';
import { createConfBackend } from '../app/settings/settings-backend';
import { startBridge, type Bridge } from '../bridge/bridge-server';
import { readVersion, rendererDist } from './paths';

export interface BrowserMode {
  core: AppCore;
  bridge: Bridge;
  close(): Promise<void>;
}

export async function startBrowserMode(opts: { dataDir: string; port?: number }): Promise<BrowserMode> {
  mkdirSync(opts.dataDir, { recursive: true });
  // R-AUTO-2: the vault's key from the OS keyring where there is one; else a passphrase.
  const core = createAppCore({ version: readVersion(), shell: 'browser', settings: createConfBackend(opts.dataDir), dataDir: opts.dataDir, secretBox: keyringBox() });
  const bridge = await startBridge({ api: core, staticDir: rendererDist, port: opts.port ?? 0 });
  return {
    core,
    bridge,
    async close() {
      await bridge.close();
      await core.close();
    },
  };
}
