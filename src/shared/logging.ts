// The one logger of the whole project: pino (fastify carries it already), structured JSON
// lines, one child per component. Secrets never reach a log line: the redaction list
// below covers what the servers and the app handle (passwords, session and CSRF cookies,
// the RADIUS and network secrets, RUNA codes, tokens; error `code`s stay readable) wherever it sits in the
// logged object, to two levels deep as well as at the top.
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Keys whose values are secret in every object we log. */
export const SECRET_KEYS = [
  'password',
  'oldPassword',
  'newPassword',
  'passwordAgain',
  'runa',
  'voucherCode',
  'secret',
  'radiusSecret',
  'networkSecret',
  'token',
  'csrf',
  'csrfToken',
  'cookie',
  'set-cookie',
  'authorization',
  'x-csrf-token',
  'x-assa-network-secret',
  'idempotency-key',
] as const;

const CENSOR = '[redacted]';

function redactPaths(): string[] {
  const out: string[] = [];
  for (const k of SECRET_KEYS) {
    const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
    const dot = key.startsWith('[') ? '' : '.';
    out.push(key, `*${dot}${key}`, `*.*${dot}${key}`);
  }
  return out;
}

/** A-RUNA: six digits after "RUNA" (and an SMS body to 2772) never appear in clear in a message. */
export function redactText(s: string): string {
  return s.replace(/(RUNA\D{0,12})\d{6}/gi, `$1${CENSOR}`);
}

export interface LoggerSettings {
  /** Component name: 'assa-server', 'app', 'sim', ... */
  name: string;
  level?: LoggerOptions['level'];
  /** Where the lines go (default stderr, so stdout stays for a command's output). */
  destination?: DestinationStream;
}

export function createLogger(s: LoggerSettings): Logger {
  const level = s.level ?? process.env.ASSA_LOG_LEVEL ?? 'info';
  return pino(
    {
      name: s.name,
      level,
      redact: { paths: redactPaths(), censor: CENSOR },
      hooks: {
        logMethod(args, method) {
          // Free text goes through the RUNA filter too (an SMS quoted in a message).
          const a = args.map((x) => (typeof x === 'string' ? redactText(x) : x)) as Parameters<typeof method>;
          method.apply(this, a);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    s.destination ?? pino.destination({ dest: 2, sync: false }),
  );
}

/** A logger that drops everything (tests that do not look at logs, benches). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
