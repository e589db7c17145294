// R-AUTO-1..3: the account link. Registers the modem's number in ASSA with only a
// password from the user — over the modem's own data session when it is up (A-REG-3a,
// no RUNA), else with a RUNA the app activates by SMS (A-REG-3b) — keeps the login in
// the vault and logs in by itself; unlocks a locked login and opens protected sections
// with an on-demand RUNA; and carries the account pages' requests to ASSA.
// Nothing is wasted: the password rules are checked before anything is sent, a RUNA is
// activated only when the server's answer says one is needed (403 ownership_unproven),
// and never beyond the 2772 service's limit (RunaBudget).
import { randomInt } from 'node:crypto';
import type { AccountStatusDto, AccountStep } from '../../shared/app-methods-account';
import { CodedError, toErrorBody } from '../../shared/errors';
import { passwordProblems } from '../../shared/password-rules';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';
import type { ModemService } from '../modem/modem-service';
import type { AccountMemory } from './account-memory';
import { AssaClient, assaError, type AssaRequest, type AssaResponse } from './assa-client';
import type { CredentialVault } from './credential-vault';
import { activateRuna } from './runa-activation';
import type { RunaBudget } from './runa-budget';

/** ASSA routes the link uses (CONTRACTS.md plus part 1's unlock and protected-section routes). */
export const ROUTES = {
  whoami: '/api/v1/whoami',
  registrations: '/api/v1/registrations',
  sessions: '/api/v1/sessions',
  currentSession: '/api/v1/sessions/current',
  unlock: '/api/v1/sessions/unlock',
  protectedOpen: '/api/v1/security/protected/unlock',
  recovery: '/api/v1/password-recovery',
} as const;

export interface AccountLinkDeps {
  client: AssaClient;
  modem: ModemService;
  bus: EventBus;
  /** The vault, or null while it waits for its passphrase (browser mode without keyring). */
  vault: () => CredentialVault | null;
  vaultNeedsPassphrase: () => boolean;
  /** A sealed login is on disk, even while the vault waits for its passphrase. */
  vaultSealed: () => boolean;
  /** The modem link's local address while a data session is up. */
  linkAddress: () => string | null;
  /** Which numbers are known registered, across restarts. */
  memory: AccountMemory;
  /** The app's count of RUNA activations against the 2772 limit. */
  runaBudget: RunaBudget;
  clock: Pick<Clock, 'now'>;
  randomInt?: (maxExclusive: number) => number;
  runaReplyTimeoutMs?: number;
}

export class AccountLink {
  private status: AccountStatusDto;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: AccountLinkDeps) {
    this.status = {
      number: null,
      server: deps.client.base,
      registered: false,
      loggedIn: false,
      credentialsStored: false,
      vaultNeedsPassphrase: deps.vaultNeedsPassphrase(),
      step: 'idle',
      error: null,
      provedBy: null,
      protectedSection: null,
    };
    this.refreshStored();
  }

  getStatus(): AccountStatusDto {
    const number = this.number();
    return {
      ...this.status,
      number,
      registered: this.status.registered || this.status.credentialsStored || this.deps.memory.isRegistered(number),
      server: this.deps.client.base,
      vaultNeedsPassphrase: this.deps.vaultNeedsPassphrase(),
    };
  }

  /** Called when the vault opened or the server changed: log in by itself if it can (R-AUTO-2). */
  async autoLogin(): Promise<void> {
    this.refreshStored();
    if (!this.status.credentialsStored || this.status.loggedIn) return;
    await this.login({}).catch(() => undefined);
  }

  register(input: { password: string; email?: string }): Promise<AccountStatusDto> {
    return this.exclusive(async () => {
      const number = await this.findNumber();
      if (this.deps.memory.isRegistered(number)) throw new CodedError('already_registered', 'This number is already registered. Log in, or recover the password by e-mail.', { field: 'number' });
      this.checkPassword(input.password, number, 'password');
      const body: Record<string, unknown> = { number, password: input.password };
      if (input.email) body.email = input.email;
      // First without a RUNA: the server checks the number, the password and the e-mail
      // before ownership, and over the own data session needs no RUNA at all (A-REG-3a).
      this.step('registering');
      let r = await this.send({ method: 'POST', path: ROUTES.registrations, body });
      let provedBy: 'data-session' | 'runa' | null = r.status === 201 ? 'data-session' : null;
      if (this.needsRuna(r) && this.deps.linkAddress() && (await this.linkKnowsNumber(number))) {
        // The link's accounting Start trailed the first try: the session proves it now.
        this.step('registering');
        r = await this.send({ method: 'POST', path: ROUTES.registrations, body });
        if (r.status === 201) provedBy = 'data-session';
      }
      if (this.needsRuna(r)) {
        // A-REG-3b: the server asked for proof; a RUNA, sent by us from the modem.
        const runa = await this.runa(number);
        this.step('registering');
        r = await this.send({ method: 'POST', path: ROUTES.registrations, body: { ...body, runa } });
        if (r.status === 201) provedBy = 'runa';
      }
      if (r.status === 409 && assaError(r).code === 'already_registered') {
        this.markRegistered(number);
        throw assaError(r);
      }
      if (r.status !== 201) throw this.replyError(r);
      this.markRegistered(number);
      this.status.provedBy = provedBy;
      this.store({ number, password: input.password, email: input.email ?? null });
      await this.doLogin(number, input.password);
      return this.finish();
    });
  }

  /** A-SEC-6: the server mails the owner (number plus the registered e-mail). */
  recoverPassword(input: { email: string }): Promise<AccountStatusDto> {
    return this.exclusive(async () => {
      const number = await this.findNumber();
      this.step('recovering');
      const r = await this.send({ method: 'POST', path: ROUTES.recovery, body: { number, email: input.email } });
      if (r.status >= 300) throw this.replyError(r);
      // The saved password is the old one now (or soon): keep nothing that will fail.
      this.deps.vault()?.forget();
      this.refreshStored();
      return this.finish('recovery-sent');
    });
  }

  login(input: { password?: string; remember?: boolean }): Promise<AccountStatusDto> {
    return this.exclusive(async () => {
      const stored = this.deps.vault()?.load() ?? null;
      const number = stored?.number ?? (await this.findNumber());
      const password = input.password ?? stored?.password;
      if (!password) throw new CodedError('password_required', 'Enter the account password.', { field: 'password' });
      await this.doLogin(number, password);
      this.markRegistered(number);
      if (input.password && input.remember !== false) this.store({ number, password, email: stored?.email ?? null });
      return this.finish();
    });
  }

  logout(): Promise<AccountStatusDto> {
    return this.exclusive(async () => {
      if (this.deps.client.hasSession()) await this.send({ method: 'DELETE', path: ROUTES.currentSession }).catch(() => undefined);
      this.deps.client.forget();
      // Logged out means no automatic login at the next start; the number stays known
      // as registered, so the next screen is the login form.
      this.deps.vault()?.forget();
      this.status.loggedIn = false;
      this.status.protectedSection = null;
      this.refreshStored();
      return this.finish('idle');
    });
  }

  /** R-AUTO-3 / A-SEC-2: a RUNA from the own modem plus a new password unlocks the login. */
  unlock(input: { newPassword: string }): Promise<AccountStatusDto> {
    return this.exclusive(async () => {
      const number = await this.findNumber();
      this.checkPassword(input.newPassword, number, 'newPassword');
      const runa = await this.runa(number);
      this.step('unlocking');
      const r = await this.send({ method: 'POST', path: ROUTES.unlock, body: { number, runa, newPassword: input.newPassword } });
      if (r.status >= 300) throw this.replyError(r);
      const stored = this.deps.vault()?.load() ?? null;
      this.store({ number, password: input.newPassword, email: stored?.email ?? null });
      await this.doLogin(number, input.newPassword);
      return this.finish();
    });
  }

  /** R-AUTO-3 / A-SEC-4: a fresh RUNA opens the protected sections for this login. */
  openProtected(): Promise<AccountStatusDto> {
    return this.exclusive(async () => {
      const number = await this.ensureLoggedIn();
      const runa = await this.runa(number);
      const r = await this.send({ method: 'POST', path: ROUTES.protectedOpen, body: { runa } });
      if (r.status >= 300) throw this.replyError(r);
      this.status.protectedSection = null;
      return this.finish();
    });
  }

  /** The account pages' requests; one automatic re-login when the server session expired. */
  async proxy(req: Omit<AssaRequest, 'localAddress'>): Promise<AssaResponse> {
    let r = await this.send(req);
    if (r.status === 401 && this.status.credentialsStored && !req.path.startsWith(ROUTES.sessions)) {
      this.status.loggedIn = false;
      await this.login({}).catch(() => undefined);
      if (this.status.loggedIn) r = await this.send(req);
    }
    if (r.status === 401 && this.status.loggedIn) {
      this.status.loggedIn = false;
      this.publish();
    }
    // A-SEC-4: the screens offer the one button that opens it (R-AUTO-3).
    if (r.status === 403 && assaError(r).code === 'section_protected') {
      const section = (r.body as { error?: { details?: { section?: unknown } } } | null)?.error?.details?.section;
      this.status.protectedSection = typeof section === 'string' ? section : 'unknown';
      this.publish();
    }
    return r;
  }

  serverChanged(url: string): void {
    if (url === this.deps.client.base) return;
    this.deps.client.setBase(url);
    this.status.loggedIn = false;
    this.publish();
  }

  private async doLogin(number: string, password: string): Promise<void> {
    this.step('logging-in');
    const r = await this.send({ method: 'POST', path: ROUTES.sessions, body: { number, password } });
    if (r.status !== 200) {
      this.status.loggedIn = false;
      throw this.replyError(r);
    }
    const csrf = (r.body as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof csrf === 'string') this.deps.client.setCsrfToken(csrf);
    this.status.loggedIn = true;
    this.status.registered = true;
  }

  private async ensureLoggedIn(): Promise<string> {
    const stored = this.deps.vault()?.load() ?? null;
    if (this.status.loggedIn) return stored?.number ?? (await this.findNumber());
    if (!stored) throw new CodedError('not_logged_in', 'Log in to the account first.');
    await this.doLogin(stored.number, stored.password);
    return stored.number;
  }

  /** A RUNA from the modem, within the 2772 limit; the activation counts once it is sent. */
  private async runa(number: string): Promise<string> {
    this.deps.runaBudget.check(number);
    this.deps.modem.requireReady();
    this.deps.runaBudget.record(number);
    return activateRuna({
      modem: this.deps.modem,
      randomInt: this.deps.randomInt ?? ((n) => randomInt(n)),
      onStep: (s) => this.step(s),
      ...(this.deps.runaReplyTimeoutMs ? { replyTimeoutMs: this.deps.runaReplyTimeoutMs } : {}),
    });
  }

  /** 403 ownership_unproven: the only answer after which a RUNA can help. */
  private needsRuna(r: AssaResponse): boolean {
    return r.status === 403 && assaError(r).code === 'ownership_unproven';
  }

  /** A-REG-2 before anything leaves the app: one problem per broken rule. */
  private checkPassword(password: string, number: string, field: string): void {
    const problems = passwordProblems(password, number);
    if (problems.length) {
      throw new CodedError('weak_password', problems.map((p) => p.message).join(' '), { field, details: { rules: problems.map((p) => p.rule) } });
    }
  }

  private replyError(r: AssaResponse): CodedError {
    return assaError(r, this.deps.clock.now());
  }

  private markRegistered(number: string): void {
    this.status.registered = true;
    this.deps.memory.markRegistered(number, new Date(this.deps.clock.now()));
  }

  /** M-NUM-1: the modem's number; else ASSA's "find my number" over the link. */
  private async findNumber(): Promise<string> {
    const n = this.number();
    if (n) return n;
    if (this.deps.linkAddress()) {
      this.step('checking-link');
      const r = await this.send({ method: 'GET', path: ROUTES.whoami });
      const found = (r.body as { number?: unknown } | null)?.number;
      if (r.status === 200 && typeof found === 'string') return this.deps.modem.setNumber(found, 'assa');
    }
    throw new CodedError('number_unknown', 'The modem did not tell its number. Enter it on the Dashboard.');
  }

  /**
   * A-NUM-3 over the link: does the operator already see this session as our number?
   * The access server's accounting Start can trail CONNECT by a moment, so ask a few times.
   */
  private async linkKnowsNumber(number: string, attempts = 5, gapMs = 600): Promise<boolean> {
    this.step('checking-link');
    for (let i = 0; i < attempts; i++) {
      const r = await this.send({ method: 'GET', path: ROUTES.whoami }).catch(() => null);
      if (r?.status === 200 && (r.body as { number?: unknown } | null)?.number === number) return true;
      if (!this.deps.linkAddress()) return false;
      await new Promise((res) => setTimeout(res, gapMs));
    }
    return false;
  }

  private number(): string | null {
    try {
      return this.deps.modem.getState().number ?? this.deps.vault()?.load()?.number ?? this.deps.memory.lastNumber();
    } catch {
      // a sealed vault (passphrase not given yet) cannot be read: the number comes from the modem or memory
      return this.deps.modem.getState().number ?? this.deps.memory.lastNumber();
    }
  }

  private send(req: Omit<AssaRequest, 'localAddress'>): Promise<AssaResponse> {
    return this.deps.client.request({ ...req, localAddress: this.deps.linkAddress() });
  }

  private store(c: { number: string; password: string; email: string | null }): void {
    const v = this.deps.vault();
    if (v) v.save(c);
    this.refreshStored();
  }

  private refreshStored(): void {
    try {
      this.status.credentialsStored = this.deps.vault()?.has() ?? this.deps.vaultSealed();
    } catch {
      // an unreadable vault holds nothing usable: the screen offers to log in again, which rewrites it
      this.status.credentialsStored = false;
    }
  }

  private exclusive(fn: () => Promise<AccountStatusDto>): Promise<AccountStatusDto> {
    const run = this.busy.then(async () => {
      this.status.error = null;
      try {
        return await fn();
      } catch (e) {
        const b = toErrorBody(e);
        this.status.error = { code: b.code, message: b.message, ...(b.details ? { details: b.details } : {}) };
        this.finish('failed');
        throw e;
      }
    });
    this.busy = run.catch(() => undefined);
    return run;
  }

  private step(step: AccountStep): void {
    this.status.step = step;
    this.publish();
  }

  private finish(step: AccountStep = 'done'): AccountStatusDto {
    this.step(step);
    return this.getStatus();
  }

  private publish(): void {
    this.deps.bus.publish({ type: 'account.status', status: this.getStatus() });
  }
}
