import { describe, expect, it } from 'vitest';
import { followUpsShown } from './follow-ups-shown';

const five = ['a', 'b', 'c', 'd', 'e'];

describe('followUpsShown', () => {
  it('keeps the soonest few and counts the rest', () => {
    expect(followUpsShown(five, 3, false)).toEqual({ shown: ['a', 'b', 'c'], hidden: 2 });
  });

  it('shows every one once all are asked for, or with no limit', () => {
    expect(followUpsShown(five, 3, true)).toEqual({ shown: five, hidden: 0 });
    expect(followUpsShown(five, undefined, false)).toEqual({ shown: five, hidden: 0 });
  });

  it('never hides a single one behind a button', () => {
    expect(followUpsShown(five.slice(0, 4), 3, false)).toEqual({
      shown: ['a', 'b', 'c', 'd'],
      hidden: 0,
    });
    expect(followUpsShown(five.slice(0, 3), 3, false).hidden).toBe(0);
  });

  it('shows none of an empty list and holds none back', () => {
    expect(followUpsShown([], 3, false)).toEqual({ shown: [], hidden: 0 });
  });
});
