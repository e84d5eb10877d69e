import { defineConfig } from 'vitest/config';

// The Firefox smoke test: the built MV2 add-on in the system Firefox, driven over
// WebDriver BiDi. One browser at a time (the machines have two cores). A run takes
// seconds; the timeouts keep even a hung browser under two minutes in all.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
