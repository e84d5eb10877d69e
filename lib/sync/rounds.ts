import { SyncFailure } from './backoff';

/**
 * How one sync round repeats the engine before it ends.
 *
 * - Changes made while a pass ran are sent by the next pass, not left for later
 *   (up to `MAX_PASSES`).
 * - A 412 means the server's copy changed: the engine merges and sends again, up to
 *   three times per record. When the copy keeps changing under it (a storm of 412s,
 *   another device busy on the same records) the engine gives up with a conflict;
 *   that is still a merge to make, not a server failing, so the pass starts over at
 *   once, up to `MERGE_RESTARTS` times. Only a storm that outlasts them ends the round
 *   with the conflict, which then waits out the backoff like a server error.
 */
export const MAX_PASSES = 3;
export const MERGE_RESTARTS = 3;

export async function syncUntilSettled(
  sync: () => Promise<unknown>,
  pending: () => Promise<number>,
): Promise<void> {
  let restarts = 0;
  for (let pass = 0; pass < MAX_PASSES;) {
    try {
      await sync();
    } catch (error) {
      const merge = error instanceof SyncFailure && error.kind === 'conflict';
      if (merge && restarts < MERGE_RESTARTS) {
        restarts += 1;
        continue;
      }
      throw error;
    }
    pass += 1;
    if ((await pending()) === 0) return;
  }
}
