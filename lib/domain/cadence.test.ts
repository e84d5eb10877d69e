import { describe, expect, it } from 'vitest';
import {
  CadenceDefaultsSchema,
  DEFAULT_CADENCE,
  addCalendarDays,
  cadenceDays,
  checkInHealth,
  datesAheadOf,
  dueSoonDays,
  healthFor,
  endOfLocalDay,
  instantOfWallClock,
  localDayAt,
  localDayNumber,
  localTimeZone,
  nextCheckIn,
  snoozeUntil,
  wallClock,
  zoneOffset,
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

/** An instant written with its offset, so each fixture says which wall clock it means. */
const at = (iso: string): number => {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new Error(`bad fixture ${iso}`);
  return value;
};

const HOUR = 3_600_000;
const NY = 'America/New_York';
const LONDON = 'Europe/London';
const LORD_HOWE = 'Australia/Lord_Howe';
const SANTIAGO = 'America/Santiago';

describe('DAY_MS', () => {
  it('is 24 hours of milliseconds', () => {
    expect(DAY_MS).toBe(86_400_000);
  });
});

describe('the machine zone', () => {
  it('is a zone Intl knows', () => {
    expect(() => new Intl.DateTimeFormat('en', { timeZone: localTimeZone() })).not.toThrow();
  });
});

describe('wall clocks and offsets', () => {
  it.each([
    [NY, '2026-03-08T06:59:59.999Z', -5 * HOUR],
    [NY, '2026-03-08T07:00:00.000Z', -4 * HOUR],
    [NY, '2026-11-01T05:59:59.999Z', -4 * HOUR],
    [NY, '2026-11-01T06:00:00.000Z', -5 * HOUR],
    [LONDON, '2026-03-29T00:59:59Z', 0],
    [LONDON, '2026-03-29T01:00:00Z', HOUR],
    [LORD_HOWE, '2026-10-03T15:29:59Z', 10.5 * HOUR],
    [LORD_HOWE, '2026-10-03T15:30:00Z', 11 * HOUR],
    ['UTC', '2028-02-29T12:00:00Z', 0],
  ])('%s at %s is %i ms ahead of UTC', (zone, iso, offset) => {
    expect(zoneOffset(at(iso), zone)).toBe(offset);
    expect(wallClock(at(iso), zone)).toBe(at(iso) + offset);
  });

  it.each([
    // [zone, wall clock, instant, why]
    [NY, '2026-03-08T01:30', '2026-03-08T01:30-05:00', 'before the gap'],
    [NY, '2026-03-08T02:30', '2026-03-08T03:30-04:00', 'in the gap: after it'],
    [NY, '2026-03-08T03:00', '2026-03-08T03:00-04:00', 'the end of the gap'],
    [NY, '2026-11-01T01:30', '2026-11-01T01:30-04:00', 'twice: the first'],
    [NY, '2026-11-01T02:00', '2026-11-01T02:00-05:00', 'after the repeat'],
    [LORD_HOWE, '2026-10-04T02:15', '2026-10-04T02:45+11:00', 'a half-hour gap'],
    [LORD_HOWE, '2026-04-05T01:45', '2026-04-05T01:45+11:00', 'a half-hour repeat'],
    [SANTIAGO, '2026-09-06T00:00', '2026-09-06T01:00-03:00', 'midnight skipped'],
  ])('%s %s is %s (%s)', (zone, wall, expected) => {
    expect(instantOfWallClock(Date.parse(`${wall}Z`), zone)).toBe(at(expected));
  });
});

describe('addCalendarDays: the same local time, whole dates later', () => {
  it.each([
    // [zone, from, days, expected, hours actually elapsed]
    [NY, '2026-03-07T10:00-05:00', 1, '2026-03-08T10:00-04:00', 23],
    [NY, '2026-02-20T10:00-05:00', 30, '2026-03-22T10:00-04:00', 30 * 24 - 1],
    [NY, '2026-10-31T12:00-04:00', 1, '2026-11-01T12:00-05:00', 25],
    [NY, '2026-10-15T16:45-04:00', 30, '2026-11-14T16:45-05:00', 30 * 24 + 1],
    [NY, '2026-03-07T02:30-05:00', 1, '2026-03-08T03:30-04:00', 24],
    [NY, '2026-10-31T01:30-04:00', 1, '2026-11-01T01:30-04:00', 24],
    [NY, '2026-11-01T01:30-05:00', 1, '2026-11-02T01:30-05:00', 24],
    [NY, '2026-03-08T10:00-04:00', -1, '2026-03-07T10:00-05:00', -23],
    [LONDON, '2026-03-28T09:00+00:00', 1, '2026-03-29T09:00+01:00', 23],
    [LONDON, '2026-10-24T09:00+01:00', 7, '2026-10-31T09:00+00:00', 7 * 24 + 1],
    [LONDON, '2026-10-24T23:30+01:00', 90, '2027-01-22T23:30+00:00', 90 * 24 + 1],
    [LORD_HOWE, '2026-10-03T09:00+10:30', 1, '2026-10-04T09:00+11:00', 23.5],
    [LORD_HOWE, '2026-04-04T09:00+11:00', 14, '2026-04-18T09:00+10:30', 14 * 24 + 0.5],
    ['UTC', '2026-03-07T10:00Z', 30, '2026-04-06T10:00Z', 30 * 24],
    ['Asia/Kolkata', '2026-03-07T10:00+05:30', 30, '2026-04-06T10:00+05:30', 30 * 24],
  ])('%s: %s + %i days → %s', (zone, from, days, expected, hours) => {
    const result = addCalendarDays(at(from), days, zone);
    expect(result).toBe(at(expected));
    expect((result - at(from)) / HOUR).toBe(hours);
  });

  it.each([
    // Month ends and leap years, in London winter time (the offset is 0, the rule is not).
    ['2026-01-31T10:00Z', 30, '2026-03-02T10:00Z'],
    ['2028-01-31T10:00Z', 30, '2028-03-01T10:00Z'],
    ['2028-01-30T10:00Z', 30, '2028-02-29T10:00Z'],
    ['2028-02-29T10:00Z', 30, '2028-03-30T10:00+01:00'],
    ['2027-12-01T10:00Z', 90, '2028-02-29T10:00Z'],
    ['2026-12-01T10:00Z', 90, '2027-03-01T10:00Z'],
    ['2028-02-29T10:00Z', 14, '2028-03-14T10:00Z'],
    ['2026-02-28T10:00Z', 14, '2026-03-14T10:00Z'],
    ['2026-12-31T23:59:59.999Z', 30, '2027-01-30T23:59:59.999Z'],
    ['2028-02-29T10:00Z', 365, '2029-02-28T10:00Z'],
    ['2028-02-29T10:00Z', 366, '2029-03-01T10:00Z'],
  ])('London: %s + %i days → %s', (from, days, expected) => {
    expect(addCalendarDays(at(from), days, LONDON)).toBe(at(expected));
  });
});

describe('local dates', () => {
  it('a late evening in New York is already tomorrow in UTC, but today here', () => {
    const evening = at('2026-11-24T21:00-05:00');
    expect(localDayNumber(evening, NY)).toBe(Date.UTC(2026, 10, 24) / DAY_MS);
    expect(localDayNumber(evening, 'UTC')).toBe(Date.UTC(2026, 10, 25) / DAY_MS);
  });

  it.each([
    // [zone, now, the day ends at, the day lasted hours]
    [NY, '2026-03-07T23:59-05:00', '2026-03-08T00:00-05:00', 24],
    [NY, '2026-03-08T12:00-04:00', '2026-03-09T00:00-04:00', 23],
    [NY, '2026-11-01T00:30-04:00', '2026-11-02T00:00-05:00', 25],
    [LONDON, '2028-02-29T08:00Z', '2028-03-01T00:00Z', 24],
    [LORD_HOWE, '2026-10-04T12:00+11:00', '2026-10-05T00:00+11:00', 23.5],
    [SANTIAGO, '2026-09-06T12:00-03:00', '2026-09-07T00:00-03:00', 23],
    [SANTIAGO, '2026-04-04T12:00-03:00', '2026-04-05T00:00-04:00', 25],
  ])('%s: the day holding %s ends at %s and lasted %i h', (zone, now, end, hours) => {
    expect(endOfLocalDay(at(now), zone)).toBe(at(end));
    const start = localDayAt(at(now), 0, zone);
    expect((at(end) - start) / HOUR).toBe(hours);
  });

  it('the first instant of a date whose midnight is skipped is 01:00', () => {
    expect(localDayAt(at('2026-09-05T12:00-04:00'), 1, SANTIAGO)).toBe(
      at('2026-09-06T01:00-03:00'),
    );
  });
});

describe('snoozeUntil', () => {
  it.each([
    // [zone, now, choice, expected]
    [NY, '2026-03-07T22:00-05:00', 'tomorrow', '2026-03-08T09:00-04:00'],
    [NY, '2026-03-07T22:00-05:00', 'next-week', '2026-03-09T09:00-04:00'],
    [NY, '2026-11-24T21:00-05:00', 'tomorrow', '2026-11-25T09:00-05:00'],
    [NY, '2026-12-31T23:30-05:00', 'tomorrow', '2027-01-01T09:00-05:00'],
    [NY, '2026-10-31T08:00-04:00', 'tomorrow', '2026-11-01T09:00-05:00'],
    // Monday → the Monday after; Sunday → tomorrow, a Monday.
    [LONDON, '2026-11-23T10:00Z', 'next-week', '2026-11-30T09:00Z'],
    [LONDON, '2026-11-29T10:00Z', 'next-week', '2026-11-30T09:00Z'],
    [LONDON, '2026-11-28T23:59Z', 'next-week', '2026-11-30T09:00Z'],
    [LONDON, '2028-02-25T16:00Z', 'next-week', '2028-02-28T09:00Z'],
    [LONDON, '2028-02-28T16:00Z', 'tomorrow', '2028-02-29T09:00Z'],
    [LONDON, '2026-03-25T12:00Z', 'next-week', '2026-03-30T09:00+01:00'],
    [LORD_HOWE, '2026-10-03T20:00+10:30', 'tomorrow', '2026-10-04T09:00+11:00'],
  ] as const)('%s at %s, %s → %s', (zone, now, choice, expected) => {
    expect(snoozeUntil(choice, at(now), zone)).toBe(at(expected));
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
    expect(nextCheckIn(party(kind, { createdAt }), DEFAULT_CADENCE, 'UTC')).toBe(expected);
  });

  it('former relationships have no next check-in', () => {
    const former = party('former', { lastInteractionAt: Date.UTC(2026, 10, 23) });
    expect(nextCheckIn(former, DEFAULT_CADENCE, NY)).toBe(undefined);
  });

  it('counts from the last interaction when there is one', () => {
    const p = party('client', {
      createdAt: Date.UTC(2025, 0, 1),
      lastInteractionAt: Date.UTC(2026, 10, 23),
    });
    expect(nextCheckIn(p, DEFAULT_CADENCE, 'UTC')).toBe(Date.UTC(2026, 11, 23));
  });

  it('uses the per-party override', () => {
    const p = party('customer', { createdAt: Date.UTC(2026, 10, 23), checkInDays: 7 });
    expect(nextCheckIn(p, DEFAULT_CADENCE, 'UTC')).toBe(Date.UTC(2026, 10, 30));
  });

  it('uses the defaults passed in', () => {
    const p = party('client', { createdAt: Date.UTC(2026, 10, 23) });
    expect(nextCheckIn(p, { ...DEFAULT_CADENCE, client: 10 }, 'UTC')).toBe(Date.UTC(2026, 11, 3));
    expect(nextCheckIn(p, { ...DEFAULT_CADENCE, client: null }, 'UTC')).toBeUndefined();
  });

  it('counts in the machine zone when none is given', () => {
    const p = party('client', { lastInteractionAt: at('2026-02-20T10:00-05:00') });
    expect(nextCheckIn(p)).toBe(nextCheckIn(p, DEFAULT_CADENCE, localTimeZone()));
  });

  it.each([
    // [zone, kind, last touched, due] — each lands on the same local wall-clock time.
    [NY, 'client', '2026-02-20T10:00-05:00', '2026-03-22T10:00-04:00'],
    [NY, 'prospect', '2026-10-25T09:15-04:00', '2026-11-08T09:15-05:00'],
    [NY, 'customer', '2026-12-01T17:00-05:00', '2027-03-01T17:00-05:00'],
    [NY, 'customer', '2027-01-01T17:00-05:00', '2027-04-01T17:00-04:00'],
    [LONDON, 'client', '2026-03-10T08:30Z', '2026-04-09T08:30+01:00'],
    [LONDON, 'client', '2028-01-30T10:00Z', '2028-02-29T10:00Z'],
    [LORD_HOWE, 'prospect', '2026-09-25T09:00+10:30', '2026-10-09T09:00+11:00'],
  ] as const)('%s: a %s last touched %s is due %s', (zone, kind, last, due) => {
    const p = party(kind, { lastInteractionAt: at(last) });
    expect(nextCheckIn(p, DEFAULT_CADENCE, zone)).toBe(at(due));
  });
});

describe('dueSoonDays', () => {
  // A fifth of the cadence, rounded, at least 1 day, at most 7.
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
  ])('a %i-day cadence is due soon %i dates ahead', (days, window) => {
    expect(dueSoonDays(days)).toBe(window);
  });
});

describe('checkInHealth, in local dates', () => {
  // Due at 15:00 on the Sunday New York springs forward.
  const due = at('2026-03-08T15:00-04:00');
  const client = party('client', { nextCheckInAt: due });

  it.each([
    ['a month early', '2026-02-06T12:00-05:00', 'on-time'],
    ['the last minute before the 6-date window', '2026-03-01T23:59:59.999-05:00', 'on-time'],
    ['the first instant of the window', '2026-03-02T00:00-05:00', 'due-soon'],
    ['the morning of the due date', '2026-03-08T08:00-04:00', 'due-soon'],
    ['hours after the due time, same date', '2026-03-08T23:59:59.999-04:00', 'due-soon'],
    ['the next date', '2026-03-09T00:00-04:00', 'overdue'],
    ['a year after', '2027-03-08T12:00-05:00', 'overdue'],
  ] as const)('New York client due 8 March 15:00, %s → %s', (_label, now, expected) => {
    expect(checkInHealth(client, at(now), DEFAULT_CADENCE, NY)).toBe(expected);
  });

  it('the same instant is due in New York and overdue in London', () => {
    const now = at('2026-03-09T03:00Z'); // 23:00 on the 8th in New York
    expect(checkInHealth(client, now, DEFAULT_CADENCE, NY)).toBe('due-soon');
    expect(checkInHealth(client, now, DEFAULT_CADENCE, LONDON)).toBe('overdue');
  });

  it.each([1, 2, 6, 7, 8, 13, 30, 90])(
    'a %i-day cadence: due soon from its window’s first date, in London across the spring change',
    (checkInDays) => {
      const next = at('2026-04-02T10:00+01:00');
      const p = party('customer', { checkInDays, nextCheckInAt: next });
      const window = dueSoonDays(checkInDays);
      const firstDate = localDayAt(next, -window, LONDON);
      expect(checkInHealth(p, firstDate, DEFAULT_CADENCE, LONDON)).toBe('due-soon');
      expect(checkInHealth(p, firstDate - 1, DEFAULT_CADENCE, LONDON)).toBe('on-time');
    },
  );

  it.each([
    ['former, even with a stale next check-in', party('former', { nextCheckInAt: due })],
    ['former with a per-party cadence', party('former', { checkInDays: 5, nextCheckInAt: due })],
    ['a client with no next check-in', party('client')],
  ])('%s → none', (_label, p) => {
    expect(checkInHealth(p, due + 100 * DAY_MS, DEFAULT_CADENCE, NY)).toBe('none');
    expect(checkInHealth(p, due - 100 * DAY_MS, DEFAULT_CADENCE, NY)).toBe('none');
  });

  it('is none when the settings give the kind no cadence', () => {
    const p = party('customer', { nextCheckInAt: due });
    const later = due + 2 * DAY_MS;
    expect(checkInHealth(p, later, { ...DEFAULT_CADENCE, customer: null }, NY)).toBe('none');
    expect(checkInHealth(p, later, DEFAULT_CADENCE, NY)).toBe('overdue');
  });

  it('sizes the window from the defaults passed in', () => {
    const now = at('2026-03-01T12:00-05:00'); // 7 dates before
    expect(checkInHealth(client, now, DEFAULT_CADENCE, NY)).toBe('on-time');
    expect(checkInHealth(client, now, { ...DEFAULT_CADENCE, client: 90 }, NY)).toBe('due-soon');
  });

  it('around a leap day', () => {
    const p = party('client', { createdAt: at('2028-01-30T10:00Z') });
    const next = nextCheckIn(p, DEFAULT_CADENCE, LONDON);
    expect(next).toBe(at('2028-02-29T10:00Z'));
    const withDue = { ...p, nextCheckInAt: next };
    const health = (iso: string) => checkInHealth(withDue, at(iso), DEFAULT_CADENCE, LONDON);
    expect(health('2028-02-22T23:59:59.999Z')).toBe('on-time');
    expect(health('2028-02-23T00:00Z')).toBe('due-soon');
    expect(health('2028-02-29T23:59Z')).toBe('due-soon');
    expect(health('2028-03-01T00:00Z')).toBe('overdue');
  });

  it('a check-in reset by an interaction today is on time again', () => {
    const now = at('2026-11-01T12:00-05:00');
    const touched = party('client', { lastInteractionAt: now });
    const next = nextCheckIn(touched, DEFAULT_CADENCE, NY);
    expect(next).toBe(at('2026-12-01T12:00-05:00'));
    expect(checkInHealth({ ...touched, nextCheckInAt: next }, now, DEFAULT_CADENCE, NY)).toBe(
      'on-time',
    );
  });
});

describe('datesAheadOf: many instants, few Intl calls', () => {
  const now = at('2026-03-07T22:00-05:00'); // the evening before New York springs forward

  it.each([
    ['2026-03-01T10:00-05:00', -1],
    ['2026-03-06T23:59:59.999-05:00', -1],
    ['2026-03-07T00:00-05:00', 0],
    ['2026-03-07T23:59:59.999-05:00', 0],
    ['2026-03-08T00:00-05:00', 1],
    ['2026-03-08T23:59-04:00', 1],
    ['2026-03-09T00:00-04:00', 2],
    ['2026-03-14T23:59-04:00', 7],
    ['2026-03-15T00:00-04:00', Infinity],
  ])('%s is %s dates ahead', (iso, expected) => {
    expect(datesAheadOf(now, NY, 7)(at(iso))).toBe(expected);
  });

  it.each([NY, LONDON, LORD_HOWE, SANTIAGO])(
    'in %s, health counted this way is checkInHealth’s',
    (zone) => {
      const nowes = ['2026-03-07T22:00Z', '2026-10-03T13:00Z', '2026-09-05T20:00Z'].map(at);
      for (const current of nowes) {
        const ahead = datesAheadOf(current, zone, 7);
        for (let hours = -72; hours <= 24 * 10; hours += 5) {
          for (const checkInDays of [1, 14, 30, 90]) {
            const p = party('client', { checkInDays, nextCheckInAt: current + hours * HOUR });
            expect(healthFor(p, DEFAULT_CADENCE, ahead)).toBe(
              checkInHealth(p, current, DEFAULT_CADENCE, zone),
            );
          }
        }
      }
    },
  );
});
