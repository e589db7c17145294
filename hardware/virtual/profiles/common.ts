// Handlers every profile shares: V.250 basics (E, V, Q, Z, &F, I, H, O, D, S-registers,
// &C/&D/&K/&W, X), +CMEE, +FCLASS, +GCAP, identification (+GMI/+GMM/+GMR/+GSN and their
// +C forms), +CSQ, +CIMI, ^DSFLOWQRY/^DSFLOWCLR. Formats: ../shared/reference/at-commands.md 1.1.
import { cme, error, ok, type Reply } from '../device/replies';
import { isShortNumberDial } from '../network/short-number';
import { endVoiceCall, startVoiceCall } from '../network/voice-calls';
import { csqIndex } from '../radio/radio';
import type { Handler, HandlerContext } from './profile-types';

export interface Identity {
  manufacturer: string;
  model: string;
  revision: string;
  /** ATI lines, without the leading/trailing framing. */
  ati: (ctx: HandlerContext) => string[];
  gcap: string;
  /** +GSN / +CGSN body lines. */
  gsn: (ctx: HandlerContext) => string[];
}

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');

/** ^DSFLOWRPT:<secs>,<up rate>,<down rate>,<sent>,<received>,<max up>,<max down> (hex; transcript 08). */
export function dsflowrpt(ctx: { modem: HandlerContext['modem'] }): string | null {
  if (!ctx.modem.session) return null;
  const c = ctx.modem.counters();
  return `^DSFLOWRPT:${hex(c.seconds, 8)},${hex(c.txRate, 8)},${hex(c.rxRate, 8)},${hex(c.txBytes, 16)},${hex(c.rxBytes, 16)},0000BB80,00046500`;
}

function basicSwitch(set: (v: number) => void, max = 1): Handler {
  return ({ cmd }) => {
    const v = cmd.args === '' ? 0 : Number(cmd.args);
    if (!Number.isInteger(v) || v < 0 || v > max) return error();
    set(v);
    return ok();
  };
}

export function commonHandlers(id: Identity): Record<string, Handler> {
  const sregs = new Map<number, number>([
    [0, 0],
    [3, 13],
    [4, 10],
    [5, 8],
    [7, 60],
    [12, 50],
  ]);
  const okAlways: Handler = () => ok();
  const value = (f: (ctx: HandlerContext) => string): Handler => (ctx) => (ctx.cmd.kind === 'test' ? ok() : ok(f(ctx)));
  const handlers: Record<string, Handler> = {
    E: (ctx) => basicSwitch((v) => void (ctx.port.echo = v === 1))(ctx),
    V: (ctx) => basicSwitch((v) => void (ctx.port.verbose = v === 1))(ctx),
    Q: (ctx) => basicSwitch((v) => void (ctx.port.quiet = v === 1))(ctx),
    Z: ({ port }) => {
      port.reset();
      return ok();
    },
    '&F': ({ port }) => {
      port.reset();
      return ok();
    },
    '&C': okAlways,
    '&D': okAlways,
    '&K': okAlways,
    '&S': okAlways,
    '&W': okAlways,
    X: okAlways,
    L: okAlways,
    M: okAlways,
    I: (ctx) => ok(...id.ati(ctx)),
    H: ({ modem, port }) => {
      void endVoiceCall(modem);
      if (modem.session && modem.session.port === port) modem.endSession('User-Request', { notify: false });
      port.mode = 'command';
      return ok();
    },
    O: ({ port }) => port.resumeData(),
    A: () => ({ kind: 'final', text: 'NO CARRIER' }),
    D: (ctx) => dial(ctx),
    '+CMEE': ({ port, cmd, modem }) => {
      const tag = modem.profile.errorSpace ? '+CMEE: ' : '+CMEE:';
      if (cmd.kind === 'read') return ok(`${tag}${port.cmee}`);
      if (cmd.kind === 'test') return ok(`${tag}(0-2)`);
      const v = cmd.args === '' ? 0 : Number(cmd.args);
      if (![0, 1, 2].includes(v)) return cme(50);
      port.cmee = v;
      return ok();
    },
    '+FCLASS': ({ cmd }) => (cmd.kind === 'read' ? ok('0') : cmd.kind === 'test' ? ok('(0)') : cmd.args === '0' || cmd.kind === 'exec' ? ok() : error()),
    '+GCAP': () => ok(`+GCAP: ${id.gcap}`),
    '+GMI': value(() => id.manufacturer),
    '+CGMI': value(() => id.manufacturer),
    '+GMM': value(() => id.model),
    '+CGMM': value(() => id.model),
    '+GMR': value(() => id.revision),
    '+CGMR': value(() => id.revision),
    '+GSN': (ctx) => (ctx.cmd.kind === 'test' ? ok() : ok(...id.gsn(ctx))),
    '+CGSN': (ctx) => (ctx.cmd.kind === 'test' ? ok() : ok(...id.gsn(ctx))),
    '+CIMI': value(({ modem }) => modem.subscriber.imsi),
    '+CSQ': ({ modem, cmd }) => (cmd.kind === 'test' ? ok('+CSQ: (0-31,99),(99)') : ok(`+CSQ: ${csqIndex(modem.radio.state)},99`)),
    '^DSFLOWQRY': ({ modem }) => {
      const last = modem.session ? modem.counters() : (modem.lastSession ?? { seconds: 0, txBytes: 0, rxBytes: 0 });
      const cur = modem.session ? modem.counters() : { seconds: 0, txBytes: 0, rxBytes: 0 };
      const t = modem.totals;
      return ok(`^DSFLOWQRY:${hex(last.seconds, 8)},${hex(last.txBytes, 16)},${hex(last.rxBytes, 16)},${hex(t.seconds + cur.seconds, 8)},${hex(t.txBytes + cur.txBytes, 16)},${hex(t.rxBytes + cur.rxBytes, 16)}`);
    },
    '^DSFLOWCLR': ({ modem }) => {
      modem.totals = { seconds: 0, txBytes: 0, rxBytes: 0 };
      modem.lastSession = null;
      return ok();
    },
  };
  for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 25]) {
    handlers[`S${n}`] = ({ cmd }) => {
      if (cmd.kind === 'read') return ok(String(sregs.get(n) ?? 0).padStart(3, '0'));
      const v = Number(cmd.args);
      if (!Number.isInteger(v) || v < 0 || v > 255) return error();
      sregs.set(n, v);
      return ok();
    };
  }
  return handlers;
}

/**
 * Huawei ^CURC (at-commands.md 1.4; MM's huawei plugin sends ^CURC=0 while probing and on
 * disable, ^CURC=1 on enable): periodic reports on or off, per port. Read form `^CURC:<n>`
 * in the no-space style of the EC firmware (guessed: no capture of ^CURC? in the reference).
 */
export function curcHandler(): Handler {
  return ({ port, cmd }) => {
    if (cmd.kind === 'test') return ok('^CURC:(0-1)');
    if (cmd.kind === 'read') return ok(`^CURC:${port.curc}`);
    const v = cmd.kind === 'set' && /^[01]$/.test(cmd.args.trim()) ? Number(cmd.args) : -1;
    if (v !== 0 && v !== 1) return error();
    port.curc = v;
    return ok();
  };
}

/**
 * Qualcomm CDMA call control (at-commands.md 1.5, 1.7): AT+CDV<number> dials like ATD,
 * AT+CHV hangs up like ATH. For the CDMA profiles.
 */
export function cdmaCallHandlers(): Record<string, Handler> {
  return {
    '+CDV': (ctx) => dial(ctx),
    '+CHV': ({ modem, port }) => {
      void endVoiceCall(modem);
      if (modem.session && modem.session.port === port) modem.endSession('User-Request', { notify: false });
      port.mode = 'command';
      return ok();
    },
  };
}

/** ATD: packet data (#777 / *99#), a 2772 feature code (A-RUNA-1), or a voice number we cannot carry. */
async function dial(ctx: HandlerContext): Promise<Reply> {
  const { modem, port, cmd } = ctx;
  const raw = cmd.args.trim();
  const digits = raw.replace(/;$/, '');
  if (modem.profile.isDataDial(digits)) return modem.dialData(port);
  if (!modem.radio.inService) return { kind: 'final', text: 'NO CARRIER' };
  if (isShortNumberDial(digits)) {
    // the call is answered by the network's announcement; the outcome also comes back as an SMS
    const started = modem.clock.now();
    // The call ends when the network's reply is in, and never before this dial's own OK
    // has gone out: with no ASSA endpoint (or a fast one) the reply is in at once, and a
    // "NO CARRIER" ahead of the OK ended the ATD for the host and left the OK to be read
    // as the next command's answer (on 3GPP and ZTE, whose call end is that bare final).
    const afterOwnFinal = new Promise<void>((r) => setImmediate(r));
    void Promise.all([modem.dialShortNumber(digits), afterOwnFinal]).then(() => {
      for (const l of modem.profile.urc.callEnd(modem, Math.max(1, Math.round((modem.clock.now() - started) / 1000)))) modem.broadcastUrc(l);
    });
    return ok();
  }
  return startVoiceCall(modem, raw) ?? { kind: 'final', text: 'NO CARRIER' };
}
