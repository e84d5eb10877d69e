/*
 * Long work on the options page, cut into turns: a turn runs until its budget is
 * spent, then the page gets its thread back (input, paint) before the next one.
 * The budget is time, not a row count, so a slow machine cuts finer rather than
 * holding the page longer (budgets.md: no task over 100 ms).
 */

/** How long one turn may hold the page's thread: well under a 50 ms long task. */
export const TURN_MS = 8;

interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Lets the page run whatever is waiting, then resumes. `scheduler.yield` keeps our
 * place ahead of other scripts' tasks; elsewhere a message on a fresh channel is a
 * new task without setTimeout's 4 ms clamp on nested calls.
 */
export function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A clock for one turn: `spent()` says when the turn's budget is used up. */
export function turnClock(budgetMs = TURN_MS): { spent: () => boolean; restart: () => void } {
  let started = performance.now();
  return {
    spent: () => performance.now() - started >= budgetMs,
    restart: () => {
      started = performance.now();
    },
  };
}
