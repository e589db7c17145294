// A money request's answer as a value: the HTTP status and the body (the contract's error
// shape for a refusal). Use cases return these; they are what an Idempotency-Key replays.
export interface MoneyAnswer {
  status: number;
  body: Record<string, unknown>;
}

export const ok = (body: Record<string, unknown>, status = 200): MoneyAnswer => ({ status, body });

export const refusal = (status: number, code: string, message: string, field?: string, details?: Record<string, unknown>): MoneyAnswer => ({
  status,
  body: { error: { code, message, ...(field ? { field } : {}), ...(details ? { details } : {}) } },
});

export const isRefusal = (a: MoneyAnswer) => a.status >= 400;
