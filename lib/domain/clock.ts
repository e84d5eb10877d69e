/**
 * Domain code never reads the wall clock itself: callers pass a `Clock`, so rules
 * about time can be tested with any instant (month ends, DST changes, leap days).
 */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export const DAY_MS = 24 * 60 * 60 * 1000;
