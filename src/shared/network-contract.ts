// A-NET-2: how the operator's network (here: the virtual modem's network side) hands
// short-number 2772 traffic to ASSA, and how ASSA's answer comes back. Shared by the
// ASSA server (src/assa/network) and the virtual modem (hardware/virtual).

/** Header carrying the shared secret of the network endpoint. */
export const NETWORK_SECRET_HEADER = 'x-assa-network-secret';

/** POST {assa}/api/v1/network/events */
export const NETWORK_EVENTS_PATH = '/api/v1/network/events';

export type NetworkEvent =
  | { type: 'sms'; number: string; to: '2772'; text: string; at: string } // at: ISO UTC
  | { type: 'dial'; number: string; digits: string; at: string }; // digits as dialled: "*2772*123456" or "2772123456"

/**
 * A-NET-3: a finished voice call, posted to the same endpoint. callId is the network's
 * record id (a repeat is the same call, charged once); peer as dialled or presented;
 * startedAt ISO UTC; seconds of conversation (0 when missed).
 */
export interface CallEvent {
  type: 'call';
  callId: string;
  number: string;
  peer: string;
  direction: 'out' | 'in' | 'missed';
  startedAt: string;
  seconds: number;
  at: string;
}

/** Everything the network posts to NETWORK_EVENTS_PATH. */
export type AnyNetworkEvent = NetworkEvent | CallEvent;

/** ASSA's answer to a call event: what it cost (kopecks) and how many package minutes it used. */
export interface CallEventResponse {
  recorded: boolean;
  cost: number;
  packageMinutes: number;
}

/** What the network delivers back to the subscriber (A-RUNA-2). */
export type NetworkReply =
  | { kind: 'sms'; from: '2772'; text: string }
  | { kind: 'announcement'; outcome: 'activated' | 'invalid_number' | 'failed'; text: string };

export interface NetworkEventResponse {
  reply: NetworkReply;
}

// No secret is built in: `assa server` takes them from flags or the environment (or draws
// random ones with --demo) and hands them to whoever needs them (the app's virtual modem).
