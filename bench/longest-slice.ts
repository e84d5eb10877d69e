/**
 * The longest time the page went without running its next task, timed directly: a
 * heartbeat on a zero-delay timer notes the longest gap between two beats. A gap
 * spans whatever ran between them (plus the timer's own few milliseconds of
 * clamping), so it bounds the longest task from above; on a loaded machine it also
 * holds the time the page waited for a core, which is why the gaps while the floor
 * runs are reported beside ours. A timer, not a message loop: a beat every few
 * milliseconds takes no measurable time from the work being timed. (`longtask`
 * entries start at 50 ms, so they cannot show how far below it a page stays.)
 */
export class LongestSlice {
  private last = 0;
  private longest = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  start(): void {
    this.longest = 0;
    this.last = performance.now();
    const beat = () => {
      const now = performance.now();
      this.longest = Math.max(this.longest, now - this.last);
      this.last = now;
      this.timer = setTimeout(beat, 0);
    };
    this.timer = setTimeout(beat, 0);
  }

  /** Stops the heartbeat and returns the longest gap, counting the one still open. */
  stop(): number {
    clearTimeout(this.timer);
    return Math.max(this.longest, performance.now() - this.last);
  }
}
