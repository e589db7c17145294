// Browser mode: the app's core behind the loopback bridge, serving the built UI.
import { mkdirSync } from 'node:fs';
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
  const core = createAppCore({ version: readVersion(), shell: 'browser', settings: createConfBackend(opts.dataDir), dataDir: opts.dataDir });
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
