// A-NET-3 on the virtual network: a voice call the modem makes (ATD<number>; — the ';'
// makes it voice, V.250) is connected at once, and when it is hung up (ATH, AT+CHV) the
// network reports the finished call to ASSA as a `call` event through the same endpoint
// as the 2772 traffic. The call id is the network's record id: a repeated report is
// recognised by ASSA and charged once.
import { randomUUID } from 'node:crypto';
import { NETWORK_EVENTS_PATH, NETWORK_SECRET_HEADER, type CallEvent } from '../../../src/shared/network-contract';
import type { Reply } from '../device/replies';
import type { VirtualModem } from '../modem';

interface LiveCall {
  peer: string;
  startedAt: number;
  callId: string;
}

const live = new WeakMap<VirtualModem, LiveCall>();

/** "0441234568;" or "+380441234568;" — a voice number; feature codes and data dials are not. */
export function voiceNumberOf(dial: string): string | null {
  const m = /^(\+?\d{3,15});$/.exec(dial.trim());
  return m ? m[1]! : null;
}

/** ATD<number>;: OK when the radio is in service (the call is up), NO CARRIER otherwise; null when it is not a voice dial. */
export function startVoiceCall(modem: VirtualModem, dial: string): Reply | null {
  const peer = voiceNumberOf(dial);
  if (!peer) return null;
  if (!modem.radio.inService || live.has(modem)) return { kind: 'final', text: 'NO CARRIER' };
  live.set(modem, { peer, startedAt: modem.clock.now(), callId: randomUUID() });
  return { kind: 'ok' };
}

/** ATH / AT+CHV: ends the voice call, if any, and reports it. Resolves when ASSA has answered (or failed to). */
export function endVoiceCall(modem: VirtualModem): Promise<void> | null {
  const call = live.get(modem);
  if (!call) return null;
  live.delete(modem);
  const now = modem.clock.now();
  const event: CallEvent = {
    type: 'call',
    callId: call.callId,
    number: modem.subscriber.number,
    peer: call.peer,
    direction: 'out',
    startedAt: new Date(call.startedAt).toISOString(),
    seconds: Math.max(1, Math.round((now - call.startedAt) / 1000)),
    at: new Date(now).toISOString(),
  };
  return reportCall(modem, event);
}

async function reportCall(modem: VirtualModem, event: CallEvent): Promise<void> {
  const target = modem.opts.assa;
  if (!target) return modem.emit({ type: 'network-event', event, reply: null, error: 'no ASSA endpoint configured' });
  const url = new URL(NETWORK_EVENTS_PATH, target.url.endsWith('/') ? target.url : `${target.url}/`);
  // The network retries a report it could not deliver, as a switch does with its CDRs.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [NETWORK_SECRET_HEADER]: target.secret }, body: JSON.stringify(event), signal: AbortSignal.timeout(target.timeoutMs ?? 5000) });
      if (res.ok) return modem.emit({ type: 'network-event', event, reply: null });
      if (res.status < 500) return modem.emit({ type: 'network-event', event, reply: null, error: `assa_rejected ${res.status}` });
    } catch {
      // try again
    }
  }
  modem.emit({ type: 'network-event', event, reply: null, error: 'assa_unreachable' });
}
