// What the operator plugin's routes and services are given (one composition root:
// build-server.ts passes the server's context; the plugin adds its own store).
import type { SettableClock } from '../domain/clock';
import type { AssaContext } from '../http/context';
import type { MoneyStore } from '../store/money-store';
import type { OperatorStore } from '../store/operator-store';

export interface OperatorDeps {
  ctx: AssaContext;
  ops: OperatorStore;
  money: MoneyStore;
  /** Present only with --demo: PUT /api/v1/operator/clock moves it. */
  demoClock: SettableClock | null;
}

export const isoNow = (d: OperatorDeps) => new Date(d.ctx.clock.now()).toISOString();
