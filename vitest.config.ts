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
      'tests/unit/**/*.test.ts',
      // Sync against real servers (Radicale, Xandikos) started on loopback by the tests.
      'tests/sync/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'happy-dom',
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
  },
});
