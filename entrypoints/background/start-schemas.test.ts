import { describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../lib/protocol/envelope';

/**
 * The worker is started cold for almost every message it answers, and everything its
 * bundle declares at module level runs on every start. Schemas are built on first use
 * (lib/domain/lazy.ts, defineMessage), so a start builds none: a module-level
 * `z.object(...)` anywhere on the worker's path fails this test, with where it was built.
 */
describe('the service worker start', () => {
  it('builds no zod schema until a message needs one, then answers it', async () => {
    // Every module evaluates again below, the ones the test setup loaded too.
    vi.resetModules();
    const { recordSchemaBuilds } = await import('../../tests/support/zod-builds');
    const recording = recordSchemaBuilds();
    try {
      // The hook sees a schema built in plain sight: a count of 0 below means something.
      const { z } = await import('zod');
      z.object({ seen: z.string() });
      expect(recording.built).toHaveLength(2);
      recording.built.length = 0;

      const { default: background } = await import('./index');
      expect(recording.built, 'schemas built while the modules load').toEqual([]);

      const { installPermissionAndScriptingStubs } =
        await import('../../tests/unit/fake-browser-extras');
      installPermissionAndScriptingStubs();
      background.main();
      expect(recording.built, 'schemas built while main() adds the listeners').toEqual([]);

      // The first message builds what it needs and is answered as always.
      const { fakeBrowser } = await import('wxt/testing/fake-browser');
      const { CHANNEL } = await import('../../lib/protocol/envelope');
      const reply = await new Promise<Reply>((resolve) => {
        void fakeBrowser.runtime.onMessage.trigger(
          { channel: CHANNEL, name: 'due/list', request: { limit: 1 } },
          {
            id: fakeBrowser.runtime.id,
            url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html`,
          },
          resolve,
        );
      });
      expect(reply).toEqual({ ok: true, value: { items: [], count: 0, total: 0 } });
      expect(recording.built.length).toBeGreaterThan(0);
    } finally {
      recording.stop();
    }
  });
});
