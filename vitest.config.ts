import { defineConfig } from 'vitest/config';

// Three projects so that `npm test` can report each kind separately and e2e can run
// alone (it needs Chromium). Parser tests live beside their parsers (*.test.ts).
export default defineConfig({
  test: {
    // Most of the suite's time is waiting (modems that stay silent for their budget, servers
    // starting, ModemManager probing, kill -9 restarts), not CPU: on a 2-core machine the
    // default of one worker left the cores idle for most of 25 minutes. e2e stays one file
    // at a time (below).
    maxWorkers: 4,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'hardware/**/*.test.ts', 'src/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The attack suite (issue 12): real `assa server` processes over HTTP and UDP.
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
          // A page under a loaded CI machine can take seconds to settle: poll patiently
          // (a condition that never comes still fails, just later).
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
