// `assa sim` (CONTRACTS.md): the virtual modem (APP.md V-1..V-6) on a pseudo-terminal made
// with socat, PATH a symlink to it; prints PATH on stdout and runs until SIGINT/SIGTERM.
// Faults from flags, from a scenario file, and from signals while running:
// SIGUSR1 drops the carrier, SIGUSR2 unplugs (and, sent again, replugs) the device.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CodedError, isCodedError } from '../../shared/errors';
import { normaliseNumber } from '../../shared/phone-number';
import { parseHostPort } from '../../../hardware/virtual/network/radius-accounting';
import { PROFILE_IDS, type ProfileId } from '../../../hardware/virtual/profiles';
import { startPtyModem } from '../../../hardware/virtual/pty-runner';
import { parseScenario } from '../../../hardware/virtual/scenario';

export interface SimOptions {
  profile?: string;
  link?: string;
  number?: string;
  assa?: string;
  radius?: string;
  radiusSecret?: string;
  networkSecret?: string;
  scenario?: string;
  seed?: string | number;
  radioStep?: string | number;
  heartbeat?: string | number;
  modeChanges?: string | number;
  multiPort?: boolean;
  interim?: string | number;
  dataRate?: string;
  // faults from flags (V-5)
  slow?: string | number;
  silent?: boolean;
  errorReplies?: boolean;
  noisy?: string | number;
  signalLoss?: boolean;
  roaming?: boolean;
}

const log = (s: string) => process.stderr.write(`assa sim: ${s}\n`);

function intOption(name: string, v: string | number | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new CodedError('invalid_option', `--${name} must be an integer in ${min}..${max}`, { field: name });
  return n;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  } catch (e) {
    throw new CodedError('invalid_scenario', `cannot read the scenario ${file}: ${(e as Error).message}`, { field: 'scenario' });
  }
}

function dataRates(v: string): { upBytesPerSec: number; downBytesPerSec: number } {
  const m = /^(\d{1,10}):(\d{1,10})$/.exec(v.trim());
  if (!m) throw new CodedError('invalid_option', '--data-rate must be UP:DOWN in bytes per second, e.g. 1500:12000', { field: 'data-rate' });
  return { upBytesPerSec: Number(m[1]), downBytesPerSec: Number(m[2]) };
}

function chance(v: string | number | undefined): number {
  if (v === undefined) return 0;
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new CodedError('invalid_option', '--mode-changes must be a number from 0 to 1', { field: 'mode-changes' });
  return n;
}

export async function runSim(opts: SimOptions): Promise<void> {
  try {
    await simulate(opts);
  } catch (e) {
    // a setup error (bad option, bad scenario, no socat) is one clear line and exit status 1
    if (!isCodedError(e)) throw e;
    log(`${e.code}: ${e.message}`);
    process.exitCode = 1;
  }
}

/** A shared secret from its flag or the environment: there is no built-in one (the server prints the demo ones it drew). */
function secretOption(flag: string | undefined, env: string, name: string, needer: string): string {
  const v = flag ?? process.env[env];
  if (!v) throw new CodedError('missing_secret', `${needer} needs the server's shared secret: give ${name} or set ${env}`, { field: name.replace(/^--/, '') });
  return v;
}

async function simulate(opts: SimOptions): Promise<void> {
  const profile = (opts.profile ?? 'huawei-ec') as ProfileId;
  if (!PROFILE_IDS.includes(profile)) throw new CodedError('invalid_option', `--profile must be one of ${PROFILE_IDS.join(', ')}`, { field: 'profile' });
  const num = normaliseNumber(opts.number ?? '441234567');
  if (!num.ok) throw new CodedError('invalid_number', `--number: ${opts.number} is not a subscriber number`, { field: 'number' });
  const link = path.resolve(opts.link ?? path.join(os.tmpdir(), 'ttyASSA0'));
  if (opts.assa !== undefined && !/^https?:\/\//.test(opts.assa)) throw new CodedError('invalid_option', '--assa must be an http(s) URL', { field: 'assa' });
  const radius = opts.radius ? { ...parseHostPort(opts.radius), secret: secretOption(opts.radiusSecret, 'ASSA_RADIUS_SECRET', '--radius-secret', '--radius') } : null;
  const assaSecret = opts.assa ? secretOption(opts.networkSecret, 'ASSA_NETWORK_SECRET', '--network-secret', '--assa') : null;
  const scenario = opts.scenario ? parseScenario(await readJson(opts.scenario)) : null;
  const interimS = intOption('interim', opts.interim, 0, 86_400);
  const slow = intOption('slow', opts.slow, 0, 600_000);
  const noisy = intOption('noisy', opts.noisy, 0, 4096);
  let play: { cancel(): void } | null = null;

  const sim = await startPtyModem({
    link,
    profile,
    number: num.number,
    seed: intOption('seed', opts.seed, 0, 2 ** 31) ?? Date.now() % 2 ** 31,
    multiPort: opts.multiPort === true,
    radioStepMs: intOption('radio-step', opts.radioStep, 0, 3_600_000) ?? 5000,
    bootIntervalMs: intOption('heartbeat', opts.heartbeat, 0, 3_600_000) ?? 0,
    modeChangeChance: chance(opts.modeChanges),
    ...(opts.dataRate ? { dataRates: dataRates(opts.dataRate) } : {}),
    assa: opts.assa && assaSecret ? { url: opts.assa, secret: assaSecret } : null,
    radius,
    ...(interimS !== undefined ? { interimMs: interimS * 1000 } : {}),
    log,
    // the flags and the scenario's leading steps are the state the modem starts in: set before
    // its tty exists, so their reports never land inside a client's first answers
    beforeOpen: (c) => {
      if (slow) c.slow(slow);
      if (opts.silent) c.silence(true);
      if (opts.errorReplies) c.errorReplies(true);
      if (noisy) c.noisyLine(noisy);
      if (opts.signalLoss) c.loseSignal();
      if (opts.roaming) c.setRoaming(true);
      if (scenario) play = c.play(scenario);
    },
  });
  const c = sim.controller;

  c.onEvent((e) => {
    if (e.type === 'session-start') log(`data session ${e.sessionId} up, address ${e.ip}`);
    if (e.type === 'session-stop') log(`data session ${e.sessionId} down (${e.cause}), ${e.counters.txBytes} B up, ${e.counters.rxBytes} B down`);
    if (e.type === 'radius') log(`RADIUS ${e.status}: ${e.result.acknowledged ? 'acknowledged' : `no answer after ${e.result.attempts} tries`}`);
    if (e.type === 'network-event') log(`2772 ${e.event.type}: ${e.reply ? `reply "${e.reply.text}"` : `failed (${e.error})`}`);
  });

  process.stdout.write(`${sim.paths.modem}\n`);
  for (const [role, p] of Object.entries(sim.paths)) if (role !== 'modem') log(`${role} port: ${p}`);
  log(`profile ${profile}, number ${num.number}${radius ? `, RADIUS ${radius.host}:${radius.port}` : ''}${opts.assa ? `, ASSA ${opts.assa}` : ''}`);

  await new Promise<void>((resolve) => {
    const onUsr1 = () => log(c.dropCarrier() ? 'carrier dropped' : 'no data session to drop');
    const onUsr2 = () => (sim.modem.unplugged ? c.replug() : c.unplug());
    const stop = () => {
      process.off('SIGUSR1', onUsr1);
      process.off('SIGUSR2', onUsr2);
      play?.cancel();
      sim.close().finally(resolve);
    };
    process.on('SIGUSR1', onUsr1);
    process.on('SIGUSR2', onUsr2);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
