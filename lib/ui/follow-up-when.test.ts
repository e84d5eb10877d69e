import { describe, expect, it } from 'vitest';
import { followUpDate, followUpWhen } from './follow-up-when';

const NOW = Date.UTC(2026, 11, 7, 12);

describe('a follow-up’s date', () => {
  it('is written in the page’s language, with the year only when it is not this one', () => {
    const nextMonday = Date.UTC(2026, 11, 14, 9);
    expect(followUpDate(nextMonday, NOW, 'en-GB', 'UTC')).toBe('Mon 14 Dec, 9:00');
    expect(followUpDate(nextMonday, NOW, 'de', 'UTC')).toBe('Mo., 14. Dez., 9:00');
    expect(followUpDate(nextMonday, NOW, 'fr', 'UTC')).toBe('lun. 14 déc., 9:00');
    expect(followUpDate(Date.UTC(2027, 0, 4, 15, 30), NOW, 'en-GB', 'UTC')).toMatch(
      /^Mon,? 4 Jan 2027, 15:30$/,
    );
  });

  it('says whether it is still to come or has passed', () => {
    expect(followUpWhen(NOW + 60_000, NOW, 'en-GB', 'UTC')).toBe('due Mon 7 Dec, 12:01');
    expect(followUpWhen(NOW - 60_000, NOW, 'en-GB', 'UTC')).toBe('was due Mon 7 Dec, 11:59');
  });
});
