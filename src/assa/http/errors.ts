// The contract's error shape: { error: { code, message, field? } } with a fitting status.
import { CodedError } from '../../shared/errors';

export class HttpError extends CodedError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    opts: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(code, message, opts);
  }
}

export const fail = (status: number, code: string, message: string, field?: string, details?: Record<string, unknown>) =>
  new HttpError(status, code, message, { ...(field ? { field } : {}), ...(details ? { details } : {}) });
