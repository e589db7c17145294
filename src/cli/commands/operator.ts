// `assa operator add LOGIN [--db PATH|URL] [--role R]` (CONTRACTS.md): creates an operator
// account and prints its one-time password on a line of its own; the operator replaces
// it at first login. `assa operator reset LOGIN` draws a new one-time password (a locked
// or forgotten admin, from the server's own machine). The server's strong KDF is used.
import { cryptoRng } from '../../assa/domain/clock';
import { PasswordHasher, STRONG_KDF } from '../../assa/security/password-hash';
import { AssaStore } from '../../assa/store/assa-store';
import { openStoreEngine } from '../../assa/store/open-database';
import { OperatorStore } from '../../assa/store/operator-store';
import { addOperator, resetOperatorPassword } from '../../assa/operator/services/operator-accounts';
import { ROLES, type OperatorRole } from '../../assa/operator/roles';

export interface OperatorCommandOptions {
  db: string;
  role?: string;
}

export async function runOperator(action: 'add' | 'reset', login: string, opts: OperatorCommandOptions): Promise<number> {
  const role = (opts.role ?? 'admin') as OperatorRole;
  if (!ROLES.includes(role)) {
    process.stderr.write(`assa operator: --role is one of ${ROLES.join(', ')}\n`);
    return 2;
  }
  const store = new AssaStore(await openStoreEngine(opts.db));
  const ops = new OperatorStore(store);
  const hasher = new PasswordHasher(STRONG_KDF);
  try {
    if (action === 'add') {
      const r = await addOperator(ops, hasher, cryptoRng, { login: login.trim().toLowerCase(), role, at: new Date().toISOString(), by: null });
      await ops.audit({ at: new Date().toISOString(), operator: 'cli', action: 'operator.add', target: `operator:${r.login}`, details: { role }, ip: null });
      process.stdout.write(`operator ${r.login} created (role ${r.role}); one-time password, to be replaced at first login:\n${r.password}\n`);
    } else {
      const password = await resetOperatorPassword(ops, hasher, cryptoRng, login.trim().toLowerCase());
      await ops.updateOperator(login.trim().toLowerCase(), { locked_at: null, failed_logins: 0 });
      await ops.audit({ at: new Date().toISOString(), operator: 'cli', action: 'operator.reset', target: `operator:${login}`, details: {}, ip: null });
      process.stdout.write(`operator ${login} has a new one-time password, to be replaced at first login:\n${password}\n`);
    }
    return 0;
  } catch (e) {
    const err = e as { code?: string; message: string };
    process.stderr.write(`assa operator: ${err.message}${err.code ? ` (${err.code})` : ''}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
