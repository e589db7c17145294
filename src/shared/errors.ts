// Errors that cross a boundary are values with a stable `code`; a user message is
// looked up by that code (renderer i18n) and `message` is the English fallback.
// ARCHITECTURE.md, rule 4.

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

export class CodedError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, opts: { field?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'CodedError';
    this.code = code;
    if (opts.field !== undefined) this.field = opts.field;
    if (opts.details !== undefined) this.details = opts.details;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export function isCodedError(e: unknown): e is CodedError {
  return e instanceof CodedError || (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { message?: unknown }).message === 'string');
}

/** Any thrown value as an ErrorBody; unknown errors keep their message but get code `internal`. */
export function toErrorBody(e: unknown): ErrorBody {
  if (e instanceof CodedError) return e.toBody();
  if (isCodedError(e)) return { code: (e as ErrorBody).code, message: (e as ErrorBody).message };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
