import { DAY_MS } from './clock';
import type { Instant } from './ids';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date (`2026-11-23`) an instant falls on in a time zone. Charts count
 * by the user's days, weeks and months, not UTC's: a call at 23:30 in New York
 * belongs to that day.
 */
export function calendarDateIn(at: Instant, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Days since 1970-01-01 for a calendar date: whole-day arithmetic without time zones. */
export function epochDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

export function dateOfEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Months since year 0 for `2026-11` or `2026-11-23`, so months can be counted and compared. */
export function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

export function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The Monday on or before a calendar date, as an epoch day (weeks start on Monday, ISO 8601). */
export function mondayOf(day: number): number {
  // 1970-01-01 was a Thursday: epoch day 0 is weekday 3 counting from Monday = 0.
  return day - ((day + 3) % 7);
}
