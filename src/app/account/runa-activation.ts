// R-AUTO-1/3: the app activates a RUNA for the user through the modem — an SMS with the
// six digits to 2772 (A-RUNA-1), or dialling *2772*XXXXXX where the stick cannot send
// SMS — then waits for the confirmation SMS (A-RUNA-2). The user never types a RUNA.
import { CodedError } from '../../shared/errors';
import type { ModemService } from '../modem/modem-service';
import { parseRunaReply, pickRuna } from './runa-reply';

export const RUNA_SHORT_NUMBER = '2772';

export interface RunaActivationDeps {
  modem: ModemService;
  randomInt: (maxExclusive: number) => number;
  onStep: (step: 'runa-sending' | 'runa-waiting') => void;
  /** How long to wait for the confirmation SMS. */
  replyTimeoutMs?: number;
}

export async function activateRuna(deps: RunaActivationDeps): Promise<string> {
  const m = deps.modem.requireReady();
  const code = pickRuna(deps.randomInt);
  // Listen before sending: the reply can beat the send's OK on a fast network.
  const reply = waitForReply(deps.modem, code, deps.replyTimeoutMs ?? 90_000);
  deps.onStep('runa-sending');
  try {
    await m.profile.sendSms(m.channel, RUNA_SHORT_NUMBER, code);
  } catch (smsError) {
    // M-CALL-1 fallback: the announcement after the call says whether it worked.
    const outcome = await m.profile.dialServiceCode(m.channel, `*${RUNA_SHORT_NUMBER}*${code}`).catch(() => 'error' as const);
    reply.cancel();
    if (outcome === 'ok') return code;
    throw new CodedError('runa_send_failed', 'The modem could not send the activation SMS to 2772 or dial *2772*.', { cause: smsError });
  }
  deps.onStep('runa-waiting');
  await reply.done;
  return code;
}

function waitForReply(modem: ModemService, code: string, timeoutMs: number): { done: Promise<void>; cancel(): void } {
  let off: () => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve, reject) => {
    off = modem.onSms((sms) => {
      const r = parseRunaReply(sms.text);
      if (!r) return;
      if (r.kind === 'activated' && r.code === code) {
        finish();
        resolve();
      } else if (r.kind === 'refused') {
        finish();
        reject(new CodedError('runa_refused', 'The 2772 service did not accept the activation code.'));
      }
    });
    timer = setTimeout(() => {
      finish();
      reject(new CodedError('runa_timeout', 'No confirmation SMS came from 2772. Check the signal and try again.'));
    }, timeoutMs);
  });
  const finish = () => {
    off();
    clearTimeout(timer);
  };
  done.catch(() => undefined);
  return { done, cancel: finish };
}
