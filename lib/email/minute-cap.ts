/**
 * At most `limit` automatic logs in any minute, across tabs: a page that forges new
 * message ids on every change cannot make the history grow faster than this (and the
 * per-thread cap bounds each thread). Kept in the worker's memory: a page cannot stop
 * the worker, and a restarted worker starts a fresh minute at most.
 */
export function createMinuteCap(limit: number, clock: () => number) {
  let windowStart = -Infinity;
  let used = 0;
  return {
    /** How many of `wanted` may go now; they are counted as used. */
    take(wanted: number): number {
      const now = clock();
      if (now - windowStart >= 60_000) {
        windowStart = now;
        used = 0;
      }
      const granted = Math.max(0, Math.min(wanted, limit - used));
      used += granted;
      return granted;
    },
  };
}

/** Automatic email logs allowed per minute (a person reads far fewer new messages). */
export const AUTO_LOGS_PER_MINUTE = 120;
