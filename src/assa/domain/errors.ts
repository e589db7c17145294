// A refusal a use case gives, as a value with a stable code and the HTTP status that fits
// it (the contract's error shape is { error: { code, message, field? } }). Services throw
// these without knowing about HTTP; the server's error handler turns them into answers.
import { CodedError } from '../../shared/errors';

export class AssaError extends CodedError {
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
  new AssaError(status, code, message, { ...(field ? { field } : {}), ...(details ? { details } : {}) });
