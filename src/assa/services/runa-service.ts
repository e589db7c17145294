// A-RUNA-1..4 and A-NET-2: activation events from the network, and the one-time check
// used by registration, unlocking and protected sections. Codes are stored hashed and
// bound to the number; a newer activation replaces the older; one use; 10 minutes;
// at most 5 activations per number in 10 minutes; 5 wrong guesses spend a live code.
import type { NetworkEvent, NetworkReply } from '../../shared/network-contract';
import { toNationalOrNull } from '../../shared/phone-number';
import { RUNA_TEXTS, RUNA_TTL_MS, runaFromDial, runaFromSms } from '../domain/runa';
import { runaHash, sameHash } from '../security/tokens';
import type { AssaContext } from '../context';

const MAX_ACTIVATIONS = 5;
export const MAX_WRONG_GUESSES = 5;

export async function handleNetworkEvent(ctx: AssaContext, e: NetworkEvent): Promise<NetworkReply> {
  const number = toNationalOrNull(e.number);
  const sub = number ? await ctx.store.subscriber(number) : undefined;
  const code = e.type === 'sms' ? runaFromSms(e.text) : runaFromDial(e.digits);
  const answer = (outcome: 'activated' | 'invalid_number' | 'failed', c?: string): NetworkReply =>
    e.type === 'sms'
      ? { kind: 'sms', from: '2772', text: outcome === 'activated' ? RUNA_TEXTS.activated(c!) : RUNA_TEXTS.malformed }
      : { kind: 'announcement', outcome, text: RUNA_TEXTS.announcement[outcome] };
  if (!code) return answer('invalid_number');
  if (!number || !sub || sub.status === 'disconnected') return answer('failed');
  const now = ctx.clock.now();
  const n = await ctx.store.transaction(async (tx) => {
    const count = await tx.recordRunaActivation(number, now);
    if (count > MAX_ACTIVATIONS) return count;
    await tx.putRuna({ number, code_hash: runaHash(number, code), activated_at: now, expires_at: now + RUNA_TTL_MS, used_at: null });
    return count;
  });
  return n > MAX_ACTIVATIONS ? answer('failed') : answer('activated', code);
}

/** True (and the code is spent) when `code` is this number's live RUNA. */
export async function useRuna(ctx: AssaContext, number: string, code: string | undefined): Promise<boolean> {
  return checkRuna(ctx, number, code);
}

/** Like useRuna; with `spend: false` a right code stays live (a wrong one still counts as a guess). */
export async function checkRuna(ctx: AssaContext, number: string, code: string | undefined, opts: { spend?: boolean } = {}): Promise<boolean> {
  if (!code || !/^\d{6}$/.test(code)) return false;
  return ctx.store.transaction(async (tx) => {
    const r = await tx.runa(number);
    const now = ctx.clock.now();
    if (!r || r.used_at !== null || now > r.expires_at) return false;
    if (!sameHash(r.code_hash, runaHash(number, code))) {
      // Six digits are guessable from many addresses within 10 minutes: a few misses spend the code.
      await tx.runaGuessFailed(number, now, MAX_WRONG_GUESSES);
      return false;
    }
    if (opts.spend !== false) await tx.useRuna(number, now);
    return true;
  });
}
