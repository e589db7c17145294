// The one composition root of the desktop app, used by browser mode and by Electron's
// main process: the embedded ASSA server (unless a remote one is named), the USB modem
// watch, the virtual modem standing in while no stick is attached, the AT channel and
// vendor profiles, the diallers, and the core that ties them together.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { openAtChannel } from '../../hardware/at/at-channel';
import { pickProfile } from '../../hardware/modems/pick-profile';
import { readEcioOverQcdm } from '../../hardware/qcdm/qcdm-port';
import { serialportOpener } from '../../hardware/serial/serialport-link';
import { AccountMemory } from '../app/account/account-memory';
import { AssaClient } from '../app/account/assa-client';
import { RunaBudget } from '../app/account/runa-budget';
import type { SecretBox } from '../app/account/secret-box';
import { VaultOpener } from '../app/account/vault-opener';
import { createAppCore, type AppCore, type AppCoreOptions } from '../app/app-core';
import { systemClock, type Clock } from '../app/clock';
import { defaultDialler } from '../app/connection/default-dialler';
import type { Dialler } from '../app/connection/dialler';
import { virtualDialler } from '../app/connection/virtual-dialler';
import { reportFiles } from '../app/diagnostics/report-files';
import { HistoryDb } from '../app/history/history-db';
import type { ModemPlatform } from '../app/modem/modem-platform';
import type { ReadyModem } from '../app/modem/modem-service';
import { nullPlatform } from '../app/modem/null-platform';
import { sysfsCounterReader, type IfaceCounterReader } from '../app/traffic/iface-counters';
import { hybridPlatform } from '../app/modem/hybrid-platform';
import { connectMm, type MmBus } from '../app/modem/mm-dbus';
import { mmDialler } from '../app/modem/mm-dialler';
import { connectNm, type NmBus } from '../app/modem/nm-dbus';
import { nmDialler } from '../app/modem/nm-dialler';
import { MM_PORT_PREFIX, mmPlatform } from '../app/modem/mm-platform';
import { backendPlatform, parseBackendSetting } from '../app/modem/modem-backend';
import { usbModemSource } from '../app/modem/usb-modem-source';
import { virtualModemSource, type VirtualModemSource } from '../app/modem/virtual-modem-source';
import type { SettingsBackend } from '../app/settings/settings-backend';
import { startAssa, type EmbeddedAssa } from '../assa/embedded';
import type { ProfileId } from '../../hardware/virtual/profiles';

export interface ComposeOptions {
  shell: 'electron' | 'browser';
  version: string;
  dataDir: string;
  settings: SettingsBackend;
  secretBox: Promise<SecretBox | null> | SecretBox | null;
  /** Talk to this ASSA server instead of starting the embedded one. */
  assaUrl?: string | null;
  /** Never use the virtual modem (a physical stick only). */
  noVirtual?: boolean;
  virtualTransport?: 'auto' | 'pty' | 'in-process';
  /** Which stick the virtual modem is (`assa start --virtual-profile`, ASSA_VIRTUAL_PROFILE in Electron); default huawei-ec, the CDMA EC-series. */
  virtualProfile?: ProfileId;
  /** The virtual subscriber's number (default 441234567, the first demo subscriber). */
  virtualNumber?: string;
  /** ModemManager's bus: undefined = the system bus on Linux, an address (tests), null = never use MM. */
  modemManagerBus?: string | null;
  log?: (line: string) => void;
}

export interface ComposedApp {
  core: AppCore;
  assa: EmbeddedAssa | null;
  virtual: VirtualModemSource | null;
  close(): Promise<void>;
}

export interface CorePartsOptions {
  shell: 'electron' | 'browser';
  version: string;
  dataDir: string;
  settings: SettingsBackend;
  /** The vault's key from the OS (safeStorage, the keyring); null: a passphrase opens it. */
  secretBox: Promise<SecretBox | null> | SecretBox | null;
  /** The server used while settings say "embedded": the embedded one, or `--assa URL`. */
  defaultAssaUrl: string | null;
  platform?: ModemPlatform;
  diallerFor?: (m: ReadyModem) => Dialler;
  clock?: Clock;
  readCounters?: IfaceCounterReader;
  runaReplyTimeoutMs?: number;
}

/**
 * The core's parts over the app's data folder: the history database, the vault opened
 * with the OS's key where there is one, the ASSA client, the reports folder, the account
 * memory and the 2772 count; then the core over them. Tests build their core here too.
 */
export async function composeCore(o: CorePartsOptions): Promise<AppCore> {
  mkdirSync(o.dataDir, { recursive: true });
  const clock = o.clock ?? systemClock;
  const vault = new VaultOpener(o.dataDir);
  await vault.openWith(o.secretBox).catch(() => false);
  const assaUrl: AppCoreOptions['assaUrl'] = (server) => {
    if (server.mode === 'remote' && server.url) return server.url;
    if (o.defaultAssaUrl) return o.defaultAssaUrl;
    return ''; // none configured: the client answers assa_not_configured
  };
  const history = new HistoryDb(path.join(o.dataDir, 'history.db'));
  return createAppCore({
    version: o.version,
    shell: o.shell,
    settings: o.settings,
    clock,
    platform: o.platform ?? nullPlatform,
    history,
    vault,
    assa: new AssaClient(assaUrl({ mode: 'embedded', url: '' })),
    assaUrl,
    diallerFor: o.diallerFor ?? defaultDialler,
    reports: reportFiles(path.join(o.dataDir, 'reports'), clock),
    memory: new AccountMemory(o.dataDir),
    runaBudget: new RunaBudget(o.dataDir, clock),
    readCounters: o.readCounters ?? sysfsCounterReader(),
    ...(o.runaReplyTimeoutMs ? { runaReplyTimeoutMs: o.runaReplyTimeoutMs } : {}),
  });
}

export async function composeApp(o: ComposeOptions): Promise<ComposedApp> {
  const log = o.log ?? (() => undefined);
  mkdirSync(o.dataDir, { recursive: true });
  const networkSecret = randomBytes(16).toString('hex');
  const radiusSecret = randomBytes(16).toString('hex');
  const assa = o.assaUrl
    ? null
    : await startAssa({
        dbPath: path.join(o.dataDir, 'assa', 'assa.db'),
        host: '127.0.0.1',
        port: 0,
        radiusPort: 0,
        radiusSecret,
        networkSecret,
        demo: true,
        mailOutboxDir: path.join(o.dataDir, 'assa', 'outbox'),
      });
  if (assa) log(`embedded ASSA server at ${assa.url} (RADIUS on UDP ${assa.radiusPort})`);

  const virtual = o.noVirtual
    ? null
    : virtualModemSource({
        modem: {
          profile: o.virtualProfile ?? 'huawei-ec',
          number: o.virtualNumber ?? '441234567',
          assa: assa ? { url: assa.url, secret: networkSecret } : null,
          radius: assa ? { host: '127.0.0.1', port: assa.radiusPort, secret: radiusSecret } : null,
          dataRates: { upBytesPerSec: 4_000, downBytesPerSec: 48_000 },
        },
        transport: o.virtualTransport ?? 'auto',
        runDir: path.join(o.dataDir, 'run'),
        ptyOpener: serialportOpener,
        log,
      });
  mkdirSync(path.join(o.dataDir, 'run'), { recursive: true });

  const store = o.settings.store as { portOverride?: string | null; virtualModem?: string };
  const serial = hybridPlatform({
    physical: usbModemSource({ opener: serialportOpener }),
    virtual,
    virtualEnabled: store.virtualModem !== 'off',
    portOverride: () => (o.settings.store as { portOverride?: string | null }).portOverride ?? null,
    async openChannel(p) {
      const opener = virtual?.owns(p) ? virtual.opener() : serialportOpener;
      return openAtChannel(await opener.open(p));
    },
    pickProfile,
  });
  // issue 16: where ModemManager runs and holds the modem, the app is its client (setting modemBackend)
  const noSystemBus = o.modemManagerBus === undefined && !existsSync('/run/dbus/system_bus_socket');
  const mmBus: MmBus | null = o.modemManagerBus === null || noSystemBus || process.platform !== 'linux' ? null : await connectMm(o.modemManagerBus).catch(() => null);
  if (mmBus) log('ModemManager found on D-Bus: it drives the modem when it holds one (setting modemBackend)');
  const mm = mmBus ? mmPlatform(mmBus) : null;
  // where NetworkManager runs beside MM (a desktop), it owns data calls: the app asks NM, and
  // MM's Simple.Connect is the fallback for a modem NM does not manage (or no NM at all)
  const nmBus: NmBus | null = mmBus ? await connectNm(o.modemManagerBus ?? undefined).catch(() => null) : null;
  const platform: ModemPlatform = {
    ...backendPlatform({
      setting: () => parseBackendSetting((o.settings.store as { modemBackend?: unknown }).modemBackend),
      serial,
      modemManager: mm,
      networkManager: nmBus,
      log,
    }),
    // M-SIG-1 "QCDM where present", on a stick the app drives itself (ModemManager keeps
    // its own ports): the diagnostics port the probe found, opened for one request.
    async readDiagEcio(found) {
      if (found.controlPort.startsWith(MM_PORT_PREFIX)) return null;
      const diag = (await serial.ports()).find((p) => p.role === 'qcdm');
      if (!diag) return null;
      const r = await readEcioOverQcdm(virtual?.owns(diag.path) ? virtual.opener() : serialportOpener, diag.path, 1500);
      return r.ok ? r.ecioDb : null;
    },
  };
  const mmDial = mm && mmBus ? mmDialler({ platform: mm, bus: mmBus, clock: systemClock }) : null;
  const modemDial = mmDial && nmBus ? nmDialler({ nm: nmBus, fallback: mmDial, clock: systemClock, log }) : mmDial;
  const core = await composeCore({
    version: o.version,
    shell: o.shell,
    settings: o.settings,
    dataDir: o.dataDir,
    platform,
    secretBox: o.secretBox,
    defaultAssaUrl: assa?.url ?? o.assaUrl ?? null,
    diallerFor: (m) =>
      modemDial && m.found.controlPort.startsWith(MM_PORT_PREFIX)
        ? modemDial // NetworkManager, else MM's Simple.Connect: the app never opens MM's ports
        : m.found.virtual && virtual
          ? virtualDialler({ openChannel: (p) => platform.openChannel(p), sessionAddress: () => virtual.sessionAddress() })
          : defaultDialler(),
  });
  return {
    core,
    assa,
    virtual,
    async close() {
      await core.close();
      mmBus?.close();
      nmBus?.close();
      await virtual?.close();
      await assa?.close();
    },
  };
}
