import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit, component and integration tests: WXT's fake browser, fake-indexeddb, happy-dom.
// The suite runs in one fixed zone so that a test's expected wall-clock strings are the
// same on every machine; the zone rules themselves are tested with explicit zones
// (lib/domain/cadence.test.ts, local-calendar), not through the host's TZ.
process.env.TZ = 'UTC';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.tsx',
      'entrypoints/**/*.test.ts',
      'entrypoints/**/*.test.tsx',
      'containers/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      // Sync against real servers (Radicale, Xandikos) started on loopback by the tests.
      'tests/sync/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'happy-dom',
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    // A timeout here only catches a hang; it measures nothing. Vitest's 5 s default
    // failed property tests that take 2 s alone on a busy 2-core machine (timings
    // belong in `npm run bench`).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
