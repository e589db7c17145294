// AppApi methods of the account link (R-AUTO-1..3) and the proxy through which the
// account pages talk to ASSA's HTTP API over the link (U-ACC-1).
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Empty = Type.Object({}, { additionalProperties: false });

export const AccountStepSchema = Type.Union(
  [
    'idle',
    'checking-link', //      whoami over the modem's data session
    'registering', //        POST /registrations
    'runa-sending', //       the app's own RUNA SMS to 2772 (or *2772*XXXXXX)
    'runa-waiting', //       waiting for "kod RUNA ... vdalo aktyvovan"
    'logging-in',
    'unlocking',
    'recovering', //         POST /password-recovery
    'recovery-sent', //      the server mailed the owner
    'done',
    'failed',
  ].map((s) => Type.Literal(s)),
);
export type AccountStep = Static<typeof AccountStepSchema>;

export const AccountStatusSchema = Type.Object({
  number: Nullable(Type.String()),
  server: Type.String(),
  /** Known registered (from a 409 or our own registration). */
  registered: Type.Boolean(),
  loggedIn: Type.Boolean(),
  /** Credentials are in the vault; login is automatic (R-AUTO-2). */
  credentialsStored: Type.Boolean(),
  /** Browser mode without an OS keyring: the vault asks for its passphrase each start. */
  vaultNeedsPassphrase: Type.Boolean(),
  step: AccountStepSchema,
  /** The last step's error, coded; details such as `rules` (weak_password) or `retryAt` (limits). */
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Record(Type.String(), Type.Unknown())) })),
  /** How ownership was proved: own data session (A-REG-3a) or RUNA (A-REG-3b). */
  provedBy: Nullable(Type.Union([Type.Literal('data-session'), Type.Literal('runa')])),
  /** A-SEC-4: the section the server just refused as protected; one button opens it. */
  protectedSection: Nullable(Type.String()),
});
export type AccountStatusDto = Static<typeof AccountStatusSchema>;

const Password = Type.String({ minLength: 1, maxLength: 128 });

export const accountMethods = {
  'account.status': { request: Empty, response: AccountStatusSchema },
  /** R-AUTO-1: the user gives only a password (and e-mail); the app proves the number. */
  'account.register': {
    request: Type.Object({ password: Password, email: Type.Optional(Type.String({ maxLength: 254 })) }, { additionalProperties: false }),
    response: AccountStatusSchema,
  },
  'account.login': { request: Type.Object({ password: Type.Optional(Password), remember: Type.Optional(Type.Boolean()) }, { additionalProperties: false }), response: AccountStatusSchema },
  'account.logout': { request: Empty, response: AccountStatusSchema },
  /** R-AUTO-3: a locked login is unlocked with a RUNA the app activates, and a new password. */
  'account.unlock': { request: Type.Object({ newPassword: Password }, { additionalProperties: false }), response: AccountStatusSchema },
  /** R-AUTO-3: open a RUNA-protected section (A-SEC-4) with a RUNA the app activates. */
  'account.openProtected': { request: Empty, response: AccountStatusSchema },
  /** A-SEC-6: password recovery by the registered e-mail (the number is the modem's). */
  'account.recoverPassword': { request: Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }) }, { additionalProperties: false }), response: AccountStatusSchema },
  /** Browser mode without a keyring: unlock the credential vault with its passphrase. */
  'account.unlockVault': { request: Type.Object({ passphrase: Type.String({ minLength: 8, maxLength: 256 }) }, { additionalProperties: false }), response: AccountStatusSchema },
  /**
   * The account pages' one door to ASSA: a request to its HTTP API (path under /api/v1/)
   * sent by the app with the session cookie and CSRF token, over the modem link when up.
   */
  'assa.request': {
    request: Type.Object(
      {
        method: Type.Union([Type.Literal('GET'), Type.Literal('POST'), Type.Literal('PUT'), Type.Literal('PATCH'), Type.Literal('DELETE')]),
        path: Type.String({ pattern: '^/api/v1/(?!.*\\.\\.)[A-Za-z0-9/_.~-]*$', maxLength: 512 }),
        query: Type.Optional(Type.Record(Type.String(), Type.String())),
        body: Type.Optional(Type.Unknown()),
        /** Money-moving requests carry one so a retry moves nothing twice. */
        idempotencyKey: Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
      },
      { additionalProperties: false },
    ),
    response: Type.Object({ status: Type.Integer(), body: Type.Unknown(), contentType: Nullable(Type.String()) }),
  },
} as const;
