// One place that turns an untrusted (method, request) pair from a transport into a
// checked call, so IPC and HTTP validate identically.
import { Value } from '@sinclair/typebox/value';
import './typebox-formats';
import { appMethods, isAppMethod, type AppMethod } from './app-contract';
import { CodedError } from './errors';

export function checkAppCall(method: unknown, request: unknown): { method: AppMethod; request: unknown } {
  if (!isAppMethod(method)) throw new CodedError('unknown_method', `Unknown method: ${String(method).slice(0, 64)}`);
  const schema = appMethods[method].request;
  const req = request ?? {};
  if (!Value.Check(schema, req)) {
    const first = Value.Errors(schema, req).First();
    throw new CodedError('invalid_request', `Invalid request for ${method}: ${first ? `${first.path || '/'} ${first.message}` : 'bad shape'}`, {
      field: first?.path.replace(/^\//, '') || undefined,
    });
  }
  return { method, request: req };
}
