// A-MON-2: the payment gateway as a port. The server stores a payment's intent first and
// then calls the gateway with the payment's key as the gateway's idempotency key (LiqPay
// order_id, Fondy order_id): asking twice with one key never charges twice, and `status`
// reads the gateway's own record, which is what the reconciler settles a crashed payment
// against. Adapters: `test-gateway.ts` (demo only, its own durable record) and
// `liqpay-gateway.ts` (signed requests to a LiqPay-style API).

export type PaymentSource =
  | { kind: 'card'; cardNumber: string; expiry: string; cvc: string } // expiry "MM/YY"
  | { kind: 'wallet'; wallet: string; account: string };

export interface ChargeRequest {
  /** The payment's id on our side; the gateway's idempotency key. */
  key: string;
  amount: number; // kopecks
  description: string;
  source: PaymentSource;
}

export type DeclineReason = 'card_declined' | 'card_expired' | 'wallet_declined' | '3ds_failed' | '3ds_expired' | 'not_sent';

/** What the gateway's record says about one key. Every answer but 'unknown' is the gateway's word. */
export type GatewayOutcome =
  | { status: 'approved'; amount: number }
  | { status: 'declined'; amount: number; reason: DeclineReason }
  | { status: '3ds_required'; amount: number; triesLeft: number }
  | { status: 'unknown' };

/** The gateway could not be reached or answered nonsense: the payment stays pending and is settled later. */
export class GatewayUnavailable extends Error {
  readonly code = 'gateway_unavailable';
  constructor(message: string) {
    super(message);
  }
}

export interface PaymentGateway {
  /** 'test' for the demo gateway; the real adapters name their protocol. */
  readonly name: string;
  /** Idempotent on `key`: a second call answers the first call's outcome and charges nothing. */
  charge(req: ChargeRequest): Promise<Exclude<GatewayOutcome, { status: 'unknown' }>>;
  /** The 3-D Secure step of a payment waiting for it; on a payment already settled it answers that outcome. */
  confirm3ds(key: string, code: string): Promise<GatewayOutcome>;
  /** The gateway's record of `key`, for the reconciler. */
  status(key: string): Promise<GatewayOutcome>;
  close?(): void | Promise<void>;
}
