import { z } from 'zod';
import type { Instant } from './ids';
import { addCalendarDays, localDayNumber, localTimeZone, type TimeZone } from './local-calendar';
import type { Party } from './party';
import type { RelationshipKind } from './relationship';
import { lazy } from './lazy';

/*
 * Check-ins are counted in the user's calendar days, not in blocks of 24 hours: "in
 * 30 days" lands on the same local wall-clock time 30 dates later, whatever
 * daylight-saving change lies between, and "overdue" starts on the user's next
 * date. The functions take the IANA zone to count in; callers that pass none get
 * the machine's, which is the user's.
 */

export * from './local-calendar';

/** Days between check-ins for each kind; `null` means no check-ins are expected. */
export const CadenceDefaultsSchema = lazy(() =>
  z.object({
    client: z.number().int().min(1).max(3650).nullable(),
    customer: z.number().int().min(1).max(3650).nullable(),
    prospect: z.number().int().min(1).max(3650).nullable(),
    former: z.number().int().min(1).max(3650).nullable(),
  }),
);
export type CadenceDefaults = z.infer<typeof CadenceDefaultsSchema>;

/** product.md: client 30 days, customer 90, prospect 14; former relationships are not chased. */
export const DEFAULT_CADENCE: CadenceDefaults = {
  client: 30,
  customer: 90,
  prospect: 14,
  former: null,
};

export function cadenceDays(
  party: Pick<Party, 'kind' | 'checkInDays'>,
  defaults: CadenceDefaults = DEFAULT_CADENCE,
): number | null {
  if (party.kind === 'former') return null;
  return party.checkInDays ?? defaults[party.kind satisfies RelationshipKind];
}

/**
 * When the next check-in is due: the cadence in calendar days, counted from the last
 * interaction, or from when the relationship started if there has been none, at the
 * same local time. Any interaction resets it.
 */
export function nextCheckIn(
  party: Pick<Party, 'kind' | 'checkInDays' | 'lastInteractionAt' | 'createdAt'>,
  defaults: CadenceDefaults = DEFAULT_CADENCE,
  zone: TimeZone = localTimeZone(),
): Instant | undefined {
  const days = cadenceDays(party, defaults);
  if (days === null) return undefined;
  return addCalendarDays(party.lastInteractionAt ?? party.createdAt, days, zone);
}

export const HEALTHS = ['on-time', 'due-soon', 'overdue', 'none'] as const;
export type Health = (typeof HEALTHS)[number];

/** How many local dates before its due date a check-in counts as due soon. */
export function dueSoonDays(days: number): number {
  return Math.min(7, Math.max(1, Math.round(days / 5)));
}

/**
 * In local calendar dates: overdue from the day after the due date; due soon on the
 * due date and the dates just before it (a fifth of the cadence, at least one day and
 * at most seven); otherwise on time. `none` when the relationship has no cadence.
 */
export function checkInHealth(
  party: Pick<Party, 'kind' | 'checkInDays' | 'nextCheckInAt'>,
  now: Instant,
  defaults: CadenceDefaults = DEFAULT_CADENCE,
  zone: TimeZone = localTimeZone(),
): Health {
  const today = localDayNumber(now, zone);
  return healthFor(party, defaults, (at) => localDayNumber(at, zone) - today);
}

/**
 * `checkInHealth` with the dates counted by `datesAhead` (dates from today to the
 * due date, negative when it has passed): many parties at once share one
 * `datesAheadOf(now, zone, 7)` — the due-soon window is never longer.
 */
export function healthFor(
  party: Pick<Party, 'kind' | 'checkInDays' | 'nextCheckInAt'>,
  defaults: CadenceDefaults,
  datesAhead: (at: Instant) => number,
): Health {
  const days = cadenceDays(party, defaults);
  if (days === null || party.nextCheckInAt === undefined) return 'none';
  const ahead = datesAhead(party.nextCheckInAt);
  if (ahead < 0) return 'overdue';
  return ahead <= dueSoonDays(days) ? 'due-soon' : 'on-time';
}
