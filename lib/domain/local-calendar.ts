import { DAY_MS } from './clock';
import type { Instant } from './ids';

/*
 * Calendar arithmetic in the user's time zone, with nothing but Intl: the surfaces
 * import this (snooze labels, "today") without bringing zod into their bundles.
 */

/** An IANA time zone name, e.g. `America/New_York`. */
export type TimeZone = string;

let currentZone: TimeZone | undefined;

/**
 * The zone this machine runs in: the user's. Asking Intl costs ~50 µs (it builds a
 * formatter), so the answer is kept until the current task ends: a bulk import
 * asks once per chunk, not once per record, and a changed zone is still seen next time.
 */
export function localTimeZone(): TimeZone {
  if (currentZone === undefined) {
    currentZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    queueMicrotask(() => (currentZone = undefined));
  }
  return currentZone;
}

// Building a formatter costs far more than using one; a worker meets one or two zones.
const formatters = new Map<TimeZone, Intl.DateTimeFormat>();

function formatterFor(zone: TimeZone): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The wall-clock reading of `at` in `zone`, encoded as the UTC instant with the same
 * reading (so `Date.UTC` arithmetic on dates and hours is calendar arithmetic).
 */
export function wallClock(at: Instant, zone: TimeZone): number {
  let known = recentWallClocks.get(zone);
  if (!known) recentWallClocks.set(zone, (known = new Map<Instant, number>()));
  let wall = known.get(at);
  if (wall === undefined) {
    // Many records stamped in the same task ask about the same few instants.
    if (known.size >= 64) known.clear();
    known.set(at, (wall = readWallClock(at, zone)));
  }
  return wall;
}

const recentWallClocks = new Map<TimeZone, Map<Instant, number>>();

function readWallClock(at: Instant, zone: TimeZone): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(at)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  const ms = ((at % 1000) + 1000) % 1000;
  // Some engines still write midnight as hour 24 of the same date.
  return Date.UTC(year, month - 1, day, hour % 24, minute, second, ms);
}

/** How far `zone`'s clocks are ahead of UTC at `at`, in milliseconds. */
export function zoneOffset(at: Instant, zone: TimeZone): number {
  return wallClock(at, zone) - at;
}

/**
 * The instant a wall-clock reading (encoded as by `wallClock`) names in `zone`. A
 * reading the clocks skip (02:30 on a spring-forward night) is read with the offset
 * from before the change, landing after the gap (03:30), and a reading that happens
 * twice (01:30 on a fall-back night) is the first one, as `Temporal`'s "compatible"
 * choice does.
 */
export function instantOfWallClock(wall: number, zone: TimeZone): Instant {
  const before = zoneOffset(wall - DAY_MS, zone);
  const after = zoneOffset(wall + DAY_MS, zone);
  const candidates = [wall - before, wall - after]
    .filter((at) => zoneOffset(at, zone) === wall - at)
    .sort((a, b) => a - b);
  return candidates[0] ?? wall - before;
}

/** The same local wall-clock time `days` calendar dates later (or earlier when negative). */
export function addCalendarDays(at: Instant, days: number, zone: TimeZone): Instant {
  return instantOfWallClock(wallClock(at, zone) + days * DAY_MS, zone);
}

/** Which local date `at` falls on, as a count of days since 1970-01-01. */
export function localDayNumber(at: Instant, zone: TimeZone): number {
  return Math.floor(wallClock(at, zone) / DAY_MS);
}

/** When the local date `days` after the one holding `at` begins, at `hour` o'clock. */
export function localDayAt(at: Instant, days: number, zone: TimeZone, hour = 0): Instant {
  const date = (localDayNumber(at, zone) + days) * DAY_MS;
  return instantOfWallClock(date + hour * 3_600_000, zone);
}

/**
 * For sorting many instants into dates near `now` with a handful of Intl calls instead
 * of one per instant: the returned function gives 0 for today, 1 for tomorrow… up to
 * `span`; -1 for any earlier date and Infinity for any later one than `span`.
 */
export function datesAheadOf(now: Instant, zone: TimeZone, span: number): (at: Instant) => number {
  const starts = Array.from({ length: span + 2 }, (_, k) => localDayAt(now, k, zone));
  return (at) => {
    if (at < (starts[0] ?? -Infinity)) return -1;
    for (let k = 0; k <= span; k++) if (at < (starts[k + 1] ?? Infinity)) return k;
    return Infinity;
  };
}

/** The first instant of the local date after the one holding `now`: "due today" ends here. */
export function endOfLocalDay(now: Instant, zone: TimeZone): Instant {
  return localDayAt(now, 1, zone);
}

/** Snoozed and picked dates come back at this local hour, as follow-up dates do. */
export const REMINDER_HOUR = 9;

export const SNOOZE_CHOICES = ['tomorrow', 'next-week'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/**
 * When a snoozed item comes back: tomorrow at 9:00, or next week's Monday at 9:00
 * (on a Sunday that is tomorrow, as in mail clients' "next week").
 */
export function snoozeUntil(choice: SnoozeChoice, now: Instant, zone: TimeZone): Instant {
  if (choice === 'tomorrow') return localDayAt(now, 1, zone, REMINDER_HOUR);
  // 1970-01-01 was a Thursday: day number + 3, modulo 7, counts from Monday.
  const weekday = (((localDayNumber(now, zone) + 3) % 7) + 7) % 7;
  return localDayAt(now, 7 - weekday, zone, REMINDER_HOUR);
}
