import { describe, expect, it } from 'vitest';
import {
  CadenceDefaultsSchema,
  DEFAULT_CADENCE,
  cadenceDays,
  checkInHealth,
  nextCheckIn,
  type CadenceDefaults,
} from './cadence';
import { DAY_MS } from './clock';
import type { Party } from './party';
import type { RelationshipKind } from './relationship';

type CadenceParty = Pick<
  Party,
  'kind' | 'checkInDays' | 'lastInteractionAt' | 'createdAt' | 'nextCheckInAt'
>;

const party = (kind: RelationshipKind, rest: Partial<CadenceParty> = {}): CadenceParty => ({
  kind,
  createdAt: Date.UTC(2026, 0, 1),
  ...rest,
});

describe('DAY_MS', () => {
  it('is 24 hours of milliseconds', () => {
    expect(DAY_MS).toBe(86_400_000);
  });
});

describe('cadenceDays', () => {
  it.each([
    ['client', 30],
    ['customer', 90],
    ['prospect', 14],
    ['former', null],
  ] as const)('defaults: %s → %s', (kind, expected) => {
    expect(cadenceDays(party(kind))).toBe(expected);
  });

  it('the defaults are the product ones', () => {
    expect(DEFAULT_CADENCE).toEqual({ client: 30, customer: 90, prospect: 14, former: null });
  });

  it.each([
    ['client', 7, 7],
    ['customer', 1, 1],
    ['prospect', 3650, 3650],
    ['former', 10, null],
  ] as const)('%s with checkInDays %i → %s', (kind, checkInDays, expected) => {
    expect(cadenceDays(party(kind, { checkInDays }))).toBe(expected);
  });

  const custom: CadenceDefaults = { client: 7, customer: null, prospect: 3, former: 60 };

  it.each([
    ['client', undefined, 7],
    ['customer', undefined, null],
    ['prospect', undefined, 3],
    // Former relationships are never chased, whatever the settings say.
    ['former', undefined, null],
    // A per-party cadence wins even when the kind has none by default.
    ['customer', 45, 45],
  ] as const)('custom defaults: %s (checkInDays %s) → %s', (kind, checkInDays, expected) => {
    expect(cadenceDays(party(kind, { checkInDays }), custom)).toBe(expected);
  });
});

describe('CadenceDefaultsSchema', () => {
  it('accepts the defaults', () => {
    expect(CadenceDefaultsSchema.parse(DEFAULT_CADENCE)).toEqual(DEFAULT_CADENCE);
  });

  it.each([
    { ...DEFAULT_CADENCE, client: 0 },
    { ...DEFAULT_CADENCE, client: 3651 },
    { ...DEFAULT_CADENCE, customer: 1.5 },
    { ...DEFAULT_CADENCE, prospect: undefined },
  ])('rejects %j', (value) => {
    expect(CadenceDefaultsSchema.safeParse(value).success).toBe(false);
  });
});

describe('nextCheckIn', () => {
  it.each([
    ['client', Date.UTC(2026, 10, 23), Date.UTC(2026, 11, 23)],
    ['customer', Date.UTC(2026, 10, 23), Date.UTC(2027, 1, 21)],
    ['prospect', Date.UTC(2026, 10, 23), Date.UTC(2026, 11, 7)],
  ] as const)('%s created at %i without interactions → %i', (kind, createdAt, expected) => {
    expect(nextCheckIn(party(kind, { createdAt }))).toBe(expected);
  });

  it('former relationships have no next check-in', () => {
    expect(nextCheckIn(party('former', { lastInteractionAt: Date.UTC(2026, 10, 23) }))).toBe(
      undefined,
    );
  });

  it('counts from the last interaction when there is one', () => {
    const p = party('client', {
      createdAt: Date.UTC(2025, 0, 1),
      lastInteractionAt: Date.UTC(2026, 10, 23),
    });
    expect(nextCheckIn(p)).toBe(Date.UTC(2026, 11, 23));
  });

  it('uses the per-party override', () => {
    const p = party('customer', { createdAt: Date.UTC(2026, 10, 23), checkInDays: 7 });
    expect(nextCheckIn(p)).toBe(Date.UTC(2026, 10, 30));
  });

  it('uses the defaults passed in', () => {
    const p = party('client', { createdAt: Date.UTC(2026, 10, 23) });
    expect(nextCheckIn(p, { ...DEFAULT_CADENCE, client: 10 })).toBe(Date.UTC(2026, 11, 3));
    expect(nextCheckIn(p, { ...DEFAULT_CADENCE, client: null })).toBeUndefined();
  });

  describe('month ends and leap days', () => {
    it.each([
      // [kind, last interaction, expected]
      ['client', Date.UTC(2026, 0, 31), Date.UTC(2026, 2, 2)],
      ['client', Date.UTC(2028, 0, 31), Date.UTC(2028, 2, 1)],
      ['client', Date.UTC(2028, 0, 30), Date.UTC(2028, 1, 29)],
      ['client', Date.UTC(2028, 1, 29), Date.UTC(2028, 2, 30)],
      ['client', Date.UTC(2026, 11, 31, 23, 59, 59, 999), Date.UTC(2027, 0, 30, 23, 59, 59, 999)],
      ['customer', Date.UTC(2027, 11, 1), Date.UTC(2028, 1, 29)],
      ['customer', Date.UTC(2026, 11, 1), Date.UTC(2027, 2, 1)],
      ['prospect', Date.UTC(2028, 1, 29), Date.UTC(2028, 2, 14)],
      ['prospect', Date.UTC(2026, 1, 28), Date.UTC(2026, 2, 14)],
    ] as const)('%s last touched %i → %i', (kind, lastInteractionAt, expected) => {
      expect(nextCheckIn(party(kind, { lastInteractionAt }))).toBe(expected);
    });
  });

  describe('daylight-saving changes: the rule is in absolute milliseconds', () => {
    // Europe/Berlin springs forward at 2026-03-29T01:00Z; New York falls back at
    // 2026-11-01T06:00Z. A "day" is always 86 400 000 ms, never a calendar day.
    const BERLIN_SAT_10_CET = 1_774_688_400_000; // 2026-03-28T09:00:00Z
    const BERLIN_SUN_11_CEST = 1_774_774_800_000; // 2026-03-29T09:00:00Z
    const NEW_YORK_SAT_NOON_EDT = 1_793_462_400_000; // 2026-10-31T16:00:00Z
    const NEW_YORK_SUN_11_EST = 1_793_548_800_000; // 2026-11-01T16:00:00Z

    it('the fixtures are the instants they claim to be', () => {
      expect(new Date(BERLIN_SAT_10_CET).toISOString()).toBe('2026-03-28T09:00:00.000Z');
      expect(new Date(BERLIN_SUN_11_CEST).toISOString()).toBe('2026-03-29T09:00:00.000Z');
      expect(new Date(NEW_YORK_SAT_NOON_EDT).toISOString()).toBe('2026-10-31T16:00:00.000Z');
      expect(new Date(NEW_YORK_SUN_11_EST).toISOString()).toBe('2026-11-01T16:00:00.000Z');
    });

    it('one day across the spring change is 24 h, so the wall-clock hour moves', () => {
      const next = nextCheckIn(
        party('client', { checkInDays: 1, lastInteractionAt: BERLIN_SAT_10_CET }),
      );
      expect(next).toBe(BERLIN_SUN_11_CEST);
      expect(next! - BERLIN_SAT_10_CET).toBe(86_400_000);
      const berlinHour = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        hourCycle: 'h23',
      });
      expect(berlinHour.format(BERLIN_SAT_10_CET)).toBe('10');
      expect(berlinHour.format(next)).toBe('11');
    });

    it('one day across the autumn change is 24 h, not the 25 h local day', () => {
      const next = nextCheckIn(
        party('client', { checkInDays: 1, lastInteractionAt: NEW_YORK_SAT_NOON_EDT }),
      );
      expect(next).toBe(NEW_YORK_SUN_11_EST);
      expect(next! - NEW_YORK_SAT_NOON_EDT).toBe(86_400_000);
    });

    it('thirty days across a change are exactly 30 × 86 400 000 ms', () => {
      const last = BERLIN_SAT_10_CET - 10 * DAY_MS;
      expect(nextCheckIn(party('client', { lastInteractionAt: last }))! - last).toBe(2_592_000_000);
    });
  });
});

describe('checkInHealth', () => {
  const next = Date.UTC(2026, 10, 30); // a month end
  const client = party('client', { nextCheckInAt: next });

  it.each([
    ['a month early', next - 30 * DAY_MS, 'on-time'],
    ['1 ms before the 6-day window', next - 6 * DAY_MS - 1, 'on-time'],
    ['at the start of the 6-day window', next - 6 * DAY_MS, 'due-soon'],
    ['an hour before', next - 3_600_000, 'due-soon'],
    ['exactly when due', next, 'due-soon'],
    ['1 ms after', next + 1, 'overdue'],
    ['a year after', next + 365 * DAY_MS, 'overdue'],
  ] as const)('client due at a month end, %s → %s', (_label, now, expected) => {
    expect(checkInHealth(client, now)).toBe(expected);
  });

  // The due-soon window is a fifth of the cadence, rounded, at least 1 day, at most 7.
  it.each([
    [1, 1],
    [2, 1],
    [3, 1],
    [7, 1],
    [8, 2],
    [12, 2],
    [13, 3],
    [14, 3],
    [30, 6],
    [33, 7],
    [37, 7],
    [90, 7],
    [3650, 7],
  ])('a %i-day cadence has a %i-day due-soon window', (checkInDays, windowDays) => {
    const p = party('customer', { checkInDays, nextCheckInAt: next });
    expect(checkInHealth(p, next - windowDays * DAY_MS)).toBe('due-soon');
    expect(checkInHealth(p, next - windowDays * DAY_MS - 1)).toBe('on-time');
  });

  it.each([
    ['former, even with a stale next check-in', party('former', { nextCheckInAt: next })],
    ['former with a per-party cadence', party('former', { checkInDays: 5, nextCheckInAt: next })],
    ['a client with no next check-in', party('client')],
  ])('%s → none', (_label, p) => {
    expect(checkInHealth(p, next + 100 * DAY_MS)).toBe('none');
    expect(checkInHealth(p, next - 100 * DAY_MS)).toBe('none');
  });

  it('is none when the settings give the kind no cadence', () => {
    const p = party('customer', { nextCheckInAt: next });
    expect(checkInHealth(p, next + DAY_MS, { ...DEFAULT_CADENCE, customer: null })).toBe('none');
    expect(checkInHealth(p, next + DAY_MS)).toBe('overdue');
  });

  it('sizes the window from the defaults passed in', () => {
    const now = next - 7 * DAY_MS;
    expect(checkInHealth(client, now)).toBe('on-time'); // 30 days → 6-day window
    expect(checkInHealth(client, now, { ...DEFAULT_CADENCE, client: 90 })).toBe('due-soon');
  });

  it('around a leap day', () => {
    const created = Date.UTC(2028, 0, 30);
    const p = party('client', { createdAt: created });
    const due = nextCheckIn(p);
    expect(due).toBe(Date.UTC(2028, 1, 29));
    const withDue = { ...p, nextCheckInAt: due };
    expect(checkInHealth(withDue, Date.UTC(2028, 1, 22, 23, 59, 59, 999))).toBe('on-time');
    expect(checkInHealth(withDue, Date.UTC(2028, 1, 23))).toBe('due-soon');
    expect(checkInHealth(withDue, Date.UTC(2028, 1, 29))).toBe('due-soon');
    expect(checkInHealth(withDue, Date.UTC(2028, 1, 29, 0, 0, 0, 1))).toBe('overdue');
    expect(checkInHealth(withDue, Date.UTC(2028, 2, 1))).toBe('overdue');
  });

  it('across a daylight-saving change the window is 6 × 86 400 000 ms, not 6 local days', () => {
    const due = 1_774_774_800_000; // 2026-03-29T09:00:00Z, the day Berlin springs forward
    const p = party('client', { nextCheckInAt: due });
    expect(checkInHealth(p, due - 518_400_000)).toBe('due-soon');
    expect(checkInHealth(p, due - 518_400_001)).toBe('on-time');
    // 10:30 CET on the 23rd is more than 6 local days before 11:00 CEST on the 29th,
    // but less than 6 × 24 h before it: the absolute rule already says due soon.
    expect(checkInHealth(p, Date.UTC(2026, 2, 23, 9, 30))).toBe('due-soon');
  });
});
