// Security notices by e-mail (A-SEC-2/5/6) are sent in the background: the answer to the
// subscriber does not wait for the mail relay. A failed send is never swallowed: it is
// logged with the reason and counted, so an operator sees a relay that stopped working.
import type { AssaContext } from '../context';
import type { Mail } from '../mail/mailer';

export function sendNotice(ctx: Pick<AssaContext, 'mailer' | 'log' | 'metrics'>, mail: Mail & { kind: string }): void {
  const { kind, ...m } = mail;
  void ctx.mailer.send(m).then(
    () => ctx.log.info({ kind }, 'security notice sent'),
    (e: unknown) => {
      ctx.metrics.securityEvents.inc({ event: 'notice_failed' });
      ctx.log.error({ err: e, kind }, 'security notice NOT sent: the mail relay refused or is unreachable');
    },
  );
}
