#!/usr/bin/env node
// The `assa` command. The sources are TypeScript; tsx compiles them on load so that
// `npm ci && npx assa ...` works with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
