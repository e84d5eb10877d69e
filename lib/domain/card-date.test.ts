import { describe, expect, it } from 'vitest';
import { isCardDate } from './card-date';

/** What a JavaScript Date says about the same day: the calendar isCardDate must agree with. */
function dateSays(year: number, month: number, day: number): boolean {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

describe('isCardDate', () => {
  it('agrees with Date on every day number of every month, in leap and common years', () => {
    let checked = 0;
    for (const year of [0, 4, 12, 99, 100, 1600, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999])
      for (let month = 1; month <= 12; month++)
        for (let day = 1; day <= 31; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isCardDate(text), text).toBe(dateSays(year, month, day));
          checked++;
        }
    expect(checked).toBe(14 * 12 * 31);
  });

  it('takes the 29th of February without a year, and no 30th', () => {
    expect(isCardDate('--02-29')).toBe(true);
    expect(isCardDate('--02-30')).toBe(false);
    expect(isCardDate('--04-31')).toBe(false);
    expect(isCardDate('--12-31')).toBe(true);
  });

  it('refuses what is not a date as the record keeps it', () => {
    for (const text of [
      '1990-4-15',
      '19900415',
      '1990-13-01',
      '1990-00-10',
      '1990-01-00',
      '--0415',
      '',
    ])
      expect(isCardDate(text), text).toBe(false);
  });
});
