// The context moved to src/assa/context.ts (services must not import http/); routes may
// keep importing it from here.
export * from '../context';
