import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in the system Chromium. One file at a time,
// since each starts its own browser and the machines have two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
