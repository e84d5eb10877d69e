import { checkInHealth, HEALTHS, type CadenceDefaults, type Health } from './cadence';
import {
  calendarDateIn,
  dateOfEpochDay,
  epochDay,
  monthIndex,
  monthOfIndex,
  mondayOf,
} from './dashboard-calendar';
import type { Engagement } from './engagement';
import { foldText } from './fold';
import type { Instant } from './ids';
import type { Money } from './money';
import { PROSPECT_STAGES, type Party } from './party';
import type { Purchase } from './purchase';
import { RELATIONSHIP_KINDS, type RelationshipKind } from './relationship';
import type { Terms } from './service';

export const DASHBOARD_MONTHS = 12;
export const DASHBOARD_WEEKS = 12;
const OVERDUE_LISTED = 20;
const SOURCES_LISTED = 5;

export interface DashboardInput {
  parties: readonly Pick<
    Party,
    'id' | 'name' | 'kind' | 'checkInDays' | 'nextCheckInAt' | 'prospect'
  >[];
  /** Interaction instants; those outside the last weeks are ignored. */
  interactionTimes: readonly Instant[];
  purchases: readonly Pick<Purchase, 'on' | 'amount'>[];
  engagements: readonly Pick<Engagement, 'terms' | 'startOn' | 'endOn' | 'status' | 'updatedAt'>[];
  now: Instant;
  timeZone: string;
  cadence: CadenceDefaults;
}

export interface RevenueSeries {
  currency: string;
  /** Minor units per month, aligned with `months`. */
  purchases: number[];
  engagements: number[];
}

export interface DashboardFigures {
  parties: number;
  kinds: { kind: RelationshipKind; total: number; byHealth: Record<Health, number> }[];
  overdue: {
    count: number;
    /** The most overdue first, at most twenty. */
    parties: { id: string; name: string; kind: RelationshipKind; dueAt: Instant }[];
  };
  revenue: { months: string[]; series: RevenueSeries[] };
  prospects: {
    total: number;
    byStage: { stage: (typeof PROSPECT_STAGES)[number]; count: number }[];
    bySource: { source: string; count: number }[];
  };
  /** Weeks start on Monday; `weeks` holds each Monday's date, oldest first. */
  interactions: { weeks: string[]; counts: number[] };
}

/** Everything the dashboard draws, from the whole book, in the user's time zone. */
export function dashboardFigures(input: DashboardInput): DashboardFigures {
  return {
    parties: input.parties.length,
    ...relationshipFigures(input),
    revenue: revenueByMonth(input),
    prospects: prospectFigures(input.parties),
    interactions: interactionsByWeek(input.interactionTimes, input.now, input.timeZone),
  };
}

function relationshipFigures({ parties, now, cadence }: DashboardInput) {
  const kinds = RELATIONSHIP_KINDS.map((kind) => ({
    kind,
    total: 0,
    byHealth: Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<Health, number>,
  }));
  const overdue: DashboardFigures['overdue']['parties'] = [];
  for (const party of parties) {
    const health = checkInHealth(party, now, cadence);
    const row = kinds[RELATIONSHIP_KINDS.indexOf(party.kind)];
    if (row) {
      row.total += 1;
      row.byHealth[health] += 1;
    }
    if (health === 'overdue' && party.nextCheckInAt !== undefined)
      overdue.push({
        id: party.id,
        name: party.name,
        kind: party.kind,
        dueAt: party.nextCheckInAt,
      });
  }
  overdue.sort((a, b) => a.dueAt - b.dueAt || a.name.localeCompare(b.name));
  return { kinds, overdue: { count: overdue.length, parties: overdue.slice(0, OVERDUE_LISTED) } };
}

/**
 * Revenue per month and currency over the last twelve months (this one included).
 * Currencies are never added together: each has its own series.
 *
 * - A purchase counts once, in the month of its date (a recurring purchase is
 *   recorded each time it is paid).
 * - An engagement that was never more than proposed counts nothing.
 * - Retainers and subscriptions count their monthly amount (see `monthlyRate`) in
 *   every month from the start month to the end month: the end date's month, or this
 *   month while active, or — since the dates of pauses are not kept — the month it
 *   was last changed when paused or ended without an end date. Months to come are
 *   not counted.
 * - Fixed fees and one-time prices count once, in the start month.
 * - Hourly work counts nothing: the hours are not recorded.
 */
export function revenueByMonth(
  input: Pick<DashboardInput, 'purchases' | 'engagements' | 'now' | 'timeZone'>,
): DashboardFigures['revenue'] {
  const current = monthIndex(calendarDateIn(input.now, input.timeZone));
  const first = current - DASHBOARD_MONTHS + 1;
  const months = Array.from({ length: DASHBOARD_MONTHS }, (_, i) => monthOfIndex(first + i));
  const byCurrency = new Map<string, RevenueSeries>();
  const add = (money: Money, month: number, key: 'purchases' | 'engagements', amount: number) => {
    if (month < first || month > current || amount === 0) return;
    let series = byCurrency.get(money.currency);
    if (!series) {
      series = {
        currency: money.currency,
        purchases: months.map(() => 0),
        engagements: months.map(() => 0),
      };
      byCurrency.set(money.currency, series);
    }
    series[key][month - first] = (series[key][month - first] ?? 0) + amount;
  };

  for (const purchase of input.purchases)
    add(purchase.amount, monthIndex(purchase.on), 'purchases', purchase.amount.amountMinor);

  for (const engagement of input.engagements) {
    if (engagement.status === 'proposed') continue;
    const { terms } = engagement;
    const start = monthIndex(engagement.startOn);
    const monthly = monthlyRate(terms);
    if (monthly === null) {
      if (terms.pricingModel === 'fixed-fee' || terms.pricingModel === 'one-time')
        add(terms.rate, start, 'engagements', terms.rate.amountMinor);
      continue;
    }
    const end = engagement.endOn
      ? monthIndex(engagement.endOn)
      : engagement.status === 'active'
        ? current
        : monthIndex(calendarDateIn(engagement.updatedAt, input.timeZone));
    for (let month = Math.max(start, first); month <= Math.min(end, current); month++)
      add(terms.rate, month, 'engagements', monthly);
  }

  const total = (s: RevenueSeries) =>
    s.purchases.reduce((a, b) => a + b, 0) + s.engagements.reduce((a, b) => a + b, 0);
  const series = [...byCurrency.values()].sort(
    (a, b) => total(b) - total(a) || a.currency.localeCompare(b.currency),
  );
  return { months, series };
}

function prospectFigures(parties: DashboardInput['parties']): DashboardFigures['prospects'] {
  const prospects = parties.filter((p) => p.kind === 'prospect');
  const byStage = PROSPECT_STAGES.map((stage) => ({
    stage,
    count: prospects.filter((p) => (p.prospect?.stage ?? 'new') === stage).length,
  }));
  // Sources are typed freely: "LinkedIn" and "linkedin " are one source, shown in its most
  // used spelling (on a tie, the one that sorts first by code unit, so capitals win).
  const sources = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const prospect of prospects) {
    const written = prospect.prospect?.source?.trim() || 'Unknown';
    const key = foldText(written);
    const entry = sources.get(key) ?? { count: 0, spellings: new Map<string, number>() };
    entry.count += 1;
    entry.spellings.set(written, (entry.spellings.get(written) ?? 0) + 1);
    sources.set(key, entry);
  }
  const named = [...sources.values()].map(({ count, spellings }) => ({
    source: [...spellings].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0] ?? '',
    count,
  }));
  const ranked = named.sort((a, b) => b.count - a.count || a.source.localeCompare(b.source));
  const bySource = ranked.slice(0, SOURCES_LISTED);
  const rest = ranked.slice(SOURCES_LISTED).reduce((sum, s) => sum + s.count, 0);
  if (rest > 0) bySource.push({ source: 'Other', count: rest });
  return { total: prospects.length, byStage, bySource };
}

/** Interactions per week over the last twelve weeks, this week included. */
export function interactionsByWeek(
  times: readonly Instant[],
  now: Instant,
  timeZone: string,
): DashboardFigures['interactions'] {
  const thisMonday = mondayOf(epochDay(calendarDateIn(now, timeZone)));
  const firstMonday = thisMonday - 7 * (DASHBOARD_WEEKS - 1);
  const counts = Array.from({ length: DASHBOARD_WEEKS }, () => 0);
  for (const at of times) {
    if (at > now) continue;
    const week = Math.floor((epochDay(calendarDateIn(at, timeZone)) - firstMonday) / 7);
    if (week >= 0 && week < DASHBOARD_WEEKS) counts[week] = (counts[week] ?? 0) + 1;
  }
  const weeks = counts.map((_, i) => dateOfEpochDay(firstMonday + 7 * i));
  return { weeks, counts };
}

/** The earliest instant `interactionsByWeek` can count, a day early for any time zone. */
export function interactionWindowStart(now: Instant): Instant {
  return now - (DASHBOARD_WEEKS * 7 + 1) * 86_400_000;
}

/**
 * What recurring terms bring in a month, in minor units: a quarter's rate over 3, a
 * year's over 12, a week's times 52/12, rounded to the minor unit. `null` for terms
 * that do not recur.
 */
export function monthlyRate(terms: Terms): number | null {
  const rate = terms.rate.amountMinor;
  switch (terms.billingPeriod) {
    case 'month':
      return rate;
    case 'quarter':
      return Math.round(rate / 3);
    case 'year':
      return Math.round(rate / 12);
    case 'week':
      return Math.round((rate * 52) / 12);
    default:
      return null;
  }
}
