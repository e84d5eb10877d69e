import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in the system Chromium. One file at a time,
// since each starts its own browser and the machines have two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    // Limits for a hung test, not speed bounds: a browser on a busy 2-core machine
    // can take tens of seconds over work that takes two on a quiet one.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
