/** How much time a slice has left; the shape of `IdleDeadline`. */
export interface Deadline {
  timeRemaining(): number;
}

export type Schedule = (work: (deadline: Deadline) => void) => void;

/**
 * Runs work when the page is idle, and within a second even if it never is (a
 * busy page still gets scanned). Falls back to a timer where there is no
 * `requestIdleCallback` (Safari, test DOMs).
 */
export const whenIdle: Schedule = (work) => {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(work, { timeout: 1000 });
  } else {
    setTimeout(() => work({ timeRemaining: () => 12 }), 1);
  }
};

/**
 * A slice stops when the idle period is nearly spent, and never runs past
 * `maxMs`: the budget is one frame (16 ms, docs/budgets.md), and a slice checks the
 * clock every 128 text nodes, so it can overrun its limit a little. An idle deadline
 * can be a full 50 ms, which would be a frame missed.
 */
export function sliceClock(deadline: Deadline, maxMs = 12): () => boolean {
  const started = performance.now();
  return () => deadline.timeRemaining() > 2 && performance.now() - started < maxMs;
}
