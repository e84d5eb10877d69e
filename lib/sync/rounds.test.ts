import { describe, expect, it } from 'vitest';
import { SyncFailure } from './backoff';
import { MAX_PASSES, MERGE_RESTARTS, syncUntilSettled } from './rounds';

/** An engine whose passes fail as scripted (a kind, or nothing), counting passes. */
function scripted(outcomes: (SyncFailure | undefined)[], pendingAfter: number[] = []) {
  let passes = 0;
  let checks = 0;
  return {
    sync: () => {
      const outcome = outcomes[passes++];
      return outcome ? Promise.reject(outcome) : Promise.resolve();
    },
    pending: () => Promise.resolve(pendingAfter[checks++] ?? 0),
    passes: () => passes,
  };
}

const conflict = () => new SyncFailure('conflict', 412);

describe('syncUntilSettled', () => {
  it('starts over at once after a storm of 412s, up to its bound', async () => {
    const engine = scripted([...Array<SyncFailure>(MERGE_RESTARTS).fill(conflict()), undefined]);
    await syncUntilSettled(engine.sync, engine.pending);
    expect(engine.passes()).toBe(MERGE_RESTARTS + 1);
  });

  it('ends with the conflict when the storm outlasts the restarts (the backoff takes over)', async () => {
    const engine = scripted(Array<SyncFailure>(MERGE_RESTARTS + 2).fill(conflict()));
    await expect(syncUntilSettled(engine.sync, engine.pending)).rejects.toMatchObject({
      kind: 'conflict',
    });
    expect(engine.passes()).toBe(MERGE_RESTARTS + 1);
  });

  it.each(['server', 'timeout', 'offline', 'auth'] as const)(
    'does not repeat a pass that failed with %s: that waits for the backoff, or for the user',
    async (kind) => {
      const engine = scripted([new SyncFailure(kind, 500), undefined]);
      await expect(syncUntilSettled(engine.sync, engine.pending)).rejects.toMatchObject({ kind });
      expect(engine.passes()).toBe(1);
    },
  );

  it('sends changes made during a pass with another pass, a bounded number of times', async () => {
    const twice = scripted([], [3, 0]);
    await syncUntilSettled(twice.sync, twice.pending);
    expect(twice.passes()).toBe(2);
    const always = scripted([], [1, 1, 1, 1, 1]);
    await syncUntilSettled(always.sync, always.pending);
    expect(always.passes()).toBe(MAX_PASSES);
  });
});
