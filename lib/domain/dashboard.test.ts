import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from './cadence';
import { DAY_MS } from './clock';
import {
  dashboardFigures,
  interactionsByWeek,
  monthlyRate,
  revenueByMonth,
  type DashboardInput,
} from './dashboard';
import type { Engagement } from './engagement';
import type { Terms } from './service';

// Monday 23 November 2026, noon UTC.
const NOW = Date.UTC(2026, 10, 23, 12);
const UTC = 'UTC';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const retainer = (amountMinor: number, billingPeriod: Terms['billingPeriod'] = 'month'): Terms => ({
  pricingModel: 'retainer',
  rate: eur(amountMinor),
  billingPeriod,
});
const engagement = (
  terms: Terms,
  rest: Partial<Pick<Engagement, 'startOn' | 'endOn' | 'status' | 'updatedAt'>> = {},
) => ({ terms, startOn: '2026-09-15', status: 'active' as const, updatedAt: NOW, ...rest });

const empty: DashboardInput = {
  parties: [],
  interactionTimes: [],
  purchases: [],
  engagements: [],
  now: NOW,
  timeZone: UTC,
  cadence: DEFAULT_CADENCE,
};

describe('monthlyRate', () => {
  it.each([
    [retainer(300_000, 'month'), 300_000],
    [retainer(300_000, 'quarter'), 100_000],
    [retainer(1_200_000, 'year'), 100_000],
    [retainer(1_000, 'year'), 83],
    [retainer(12_000, 'week'), 52_000],
    [{ pricingModel: 'hourly', rate: eur(15_000) }, null],
    [{ pricingModel: 'fixed-fee', rate: eur(15_000) }, null],
  ] satisfies [Terms, number | null][])('%j → %s a month', (terms, expected) => {
    expect(monthlyRate(terms)).toBe(expected);
  });
});

describe('revenueByMonth', () => {
  const months = (series: number[]): Record<number, number> =>
    Object.fromEntries(series.flatMap((v, i) => (v === 0 ? [] : [[i, v] as const])));

  it('covers the last twelve months, this one included', () => {
    const { months: labels } = revenueByMonth(empty);
    expect(labels).toHaveLength(12);
    expect(labels[0]).toBe('2025-12');
    expect(labels.at(-1)).toBe('2026-11');
  });

  it.each([
    [
      'an active retainer counts every month from its start to now',
      engagement(retainer(250_000)),
      { 9: 250_000, 10: 250_000, 11: 250_000 },
    ],
    [
      'an ended retainer stops at its end month',
      engagement(retainer(250_000), { status: 'ended', endOn: '2026-10-31' }),
      { 9: 250_000, 10: 250_000 },
    ],
    [
      'a paused retainer without an end counts until it was last changed',
      engagement(retainer(250_000), { status: 'paused', updatedAt: Date.UTC(2026, 9, 5) }),
      { 9: 250_000, 10: 250_000 },
    ],
    [
      'an end date to come counts up to this month only',
      engagement(retainer(100), { endOn: '2027-06-30' }),
      { 9: 100, 10: 100, 11: 100 },
    ],
    ['a proposal counts nothing', engagement(retainer(250_000), { status: 'proposed' }), {}],
    [
      'a quarterly subscription counts a third a month',
      engagement(
        { pricingModel: 'subscription', rate: eur(9_000), billingPeriod: 'quarter' },
        { startOn: '2026-11-01' },
      ),
      { 11: 3_000 },
    ],
    [
      'a fixed fee counts once, in the start month',
      engagement({ pricingModel: 'fixed-fee', rate: eur(500_000) }, { status: 'ended' }),
      { 9: 500_000 },
    ],
    ['hourly work counts nothing', engagement({ pricingModel: 'hourly', rate: eur(15_000) }), {}],
    [
      'a retainer that began before the window counts from the window’s start',
      engagement(retainer(10), { startOn: '2020-01-01' }),
      Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i, 10])),
    ],
    [
      'a start still to come counts nothing',
      engagement(retainer(10), { startOn: '2027-01-01' }),
      {},
    ],
  ])('%s', (_label, given, expected) => {
    const { series } = revenueByMonth({ ...empty, engagements: [given] });
    const eurSeries = series.find((s) => s.currency === 'EUR');
    expect(months(eurSeries?.engagements ?? [])).toStrictEqual(expected);
    expect(months(eurSeries?.purchases ?? [])).toStrictEqual({});
  });

  it('counts purchases in the month of their date, and keeps currencies apart', () => {
    const { series } = revenueByMonth({
      ...empty,
      purchases: [
        { on: '2026-11-02', amount: eur(1_000) },
        { on: '2026-11-20', amount: eur(500) },
        { on: '2026-01-10', amount: { amountMinor: 30_000, currency: 'JPY' } },
        { on: '2025-11-30', amount: eur(99_999) }, // before the window
      ],
      engagements: [engagement(retainer(100), { startOn: '2026-11-01' })],
    });
    expect(series.map((s) => s.currency)).toStrictEqual(['JPY', 'EUR']);
    expect(series[1]?.purchases.at(-1)).toBe(1_500);
    expect(series[1]?.engagements.at(-1)).toBe(100);
    expect(series[0]?.purchases[1]).toBe(30_000);
    expect(series[0]?.engagements.every((v) => v === 0)).toBe(true);
  });
});

describe('interactionsByWeek', () => {
  it('counts twelve Monday-based weeks, this week last, ignoring older and future ones', () => {
    const { weeks, counts } = interactionsByWeek(
      [
        NOW - 1_000, // this week
        Date.UTC(2026, 10, 23, 0, 0), // Monday 00:00, this week
        Date.UTC(2026, 10, 22, 23, 59), // Sunday: last week
        NOW - 11 * 7 * DAY_MS, // first week shown
        NOW - 12 * 7 * DAY_MS, // too old
        NOW + DAY_MS, // not yet
      ],
      NOW,
      UTC,
    );
    expect(weeks[0]).toBe('2026-09-07');
    expect(weeks.at(-1)).toBe('2026-11-23');
    expect(counts).toStrictEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
  });

  it('counts by the user’s calendar, not UTC’s', () => {
    // Monday 01:00 UTC is still Sunday evening in New York: last week there.
    const at = Date.UTC(2026, 10, 23, 1);
    expect(interactionsByWeek([at], NOW, UTC).counts.at(-1)).toBe(1);
    expect(interactionsByWeek([at], NOW, 'America/New_York').counts.at(-2)).toBe(1);
  });
});

describe('dashboardFigures', () => {
  it('draws an empty book as zeros, with every kind and stage present', () => {
    const figures = dashboardFigures(empty);
    expect(figures.parties).toBe(0);
    expect(figures.kinds.map((k) => [k.kind, k.total])).toStrictEqual([
      ['prospect', 0],
      ['customer', 0],
      ['client', 0],
      ['former', 0],
    ]);
    expect(figures.overdue).toStrictEqual({ count: 0, parties: [] });
    expect(figures.revenue.series).toStrictEqual([]);
    expect(figures.prospects.byStage.every((s) => s.count === 0)).toBe(true);
    expect(figures.interactions.counts.every((c) => c === 0)).toBe(true);
  });

  const party = (
    id: string,
    kind: DashboardInput['parties'][number]['kind'],
    nextCheckInAt?: number,
    prospect?: DashboardInput['parties'][number]['prospect'],
  ) => ({ id, name: `Party ${id}`, kind, nextCheckInAt, prospect });

  it('counts kinds by health and lists the overdue, most overdue first', () => {
    const figures = dashboardFigures({
      ...empty,
      parties: [
        party('a', 'client', NOW - 2 * DAY_MS),
        party('b', 'client', NOW - 9 * DAY_MS),
        party('c', 'client', NOW + 2 * DAY_MS),
        party('d', 'client', NOW + 20 * DAY_MS),
        party('e', 'customer', NOW - DAY_MS),
        party('f', 'former'),
      ],
    });
    const client = figures.kinds.find((k) => k.kind === 'client');
    expect(client?.total).toBe(4);
    expect(client?.byHealth).toStrictEqual({ 'on-time': 1, 'due-soon': 1, overdue: 2, none: 0 });
    expect(figures.kinds.find((k) => k.kind === 'former')?.byHealth.none).toBe(1);
    expect(figures.overdue.count).toBe(3);
    expect(figures.overdue.parties.map((p) => p.id)).toStrictEqual(['b', 'a', 'e']);
  });

  it('counts prospects by stage and by source, folding how the source was typed', () => {
    const figures = dashboardFigures({
      ...empty,
      parties: [
        party('a', 'prospect', NOW + DAY_MS * 10, { stage: 'new', source: 'LinkedIn' }),
        party('b', 'prospect', NOW + DAY_MS * 10, { stage: 'proposal', source: ' linkedin ' }),
        party('c', 'prospect', NOW + DAY_MS * 10, { stage: 'proposal' }),
        party('d', 'prospect', NOW + DAY_MS * 10),
        party('e', 'client', NOW + DAY_MS * 10),
      ],
    });
    expect(figures.prospects.total).toBe(4);
    expect(figures.prospects.byStage).toStrictEqual([
      { stage: 'new', count: 2 },
      { stage: 'contacted', count: 0 },
      { stage: 'qualified', count: 0 },
      { stage: 'proposal', count: 2 },
      { stage: 'negotiation', count: 0 },
    ]);
    expect(figures.prospects.bySource).toStrictEqual([
      { source: 'LinkedIn', count: 2 },
      { source: 'Unknown', count: 2 },
    ]);
  });

  it.each([
    [['linkedin', 'LinkedIn']],
    [['LinkedIn', 'linkedin']],
    [['linkedin', 'LinkedIn', 'LinkedIn']],
  ])('names a source by its most used spelling, whatever the order: %j', (spellings) => {
    const parties = spellings.map((source, i) =>
      party(String(i), 'prospect', undefined, { stage: 'new', source }),
    );
    const { bySource } = dashboardFigures({ ...empty, parties }).prospects;
    expect(bySource).toStrictEqual([{ source: 'LinkedIn', count: spellings.length }]);
  });

  it('puts sources past the fifth under “Other”', () => {
    const parties = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((source, i) =>
      party(String(i), 'prospect', undefined, { stage: 'new', source }),
    );
    const { bySource } = dashboardFigures({ ...empty, parties }).prospects;
    expect(bySource.map((s) => s.source)).toStrictEqual(['a', 'b', 'c', 'd', 'e', 'Other']);
    expect(bySource.at(-1)?.count).toBe(2);
  });
});
