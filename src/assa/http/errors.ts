// The error type lives in src/assa/domain/errors.ts (use cases throw it without importing
// http/); HttpError is its old name, kept for the routes.
export { AssaError as HttpError, fail } from '../domain/errors';
