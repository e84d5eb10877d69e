import type { Health, RelationshipKind } from '../../lib/domain';
import { t, uiLanguage, type MessageKey } from '../../lib/platform/i18n';
import { PROSPECT_STAGE_LABELS } from '../../lib/ui/prospect-stages';

/** Short, readable labels for the dashboard's categories, from the catalogue. */
export const stageLabel = (stage: string) =>
  stage in PROSPECT_STAGE_LABELS
    ? PROSPECT_STAGE_LABELS[stage as keyof typeof PROSPECT_STAGE_LABELS]
    : stage;

const KIND_LABELS: Record<RelationshipKind, MessageKey> = {
  prospect: 'dash_kind_prospect',
  customer: 'dash_kind_customer',
  client: 'dash_kind_client',
  former: 'dash_kind_former',
};
const HEALTH_LABELS: Record<Health, MessageKey> = {
  'on-time': 'dash_health_on_time',
  'due-soon': 'dash_health_due_soon',
  overdue: 'dash_health_overdue',
  none: 'dash_health_none',
};
export const kindLabel = (kind: RelationshipKind) => t(KIND_LABELS[kind]);
export const healthLabel = (health: Health) => t(HEALTH_LABELS[health]);

// Made on first use: the page's language is known once the catalogue is there.
const formats = () => {
  const locale = uiLanguage();
  return {
    month: new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    shortMonth: new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
    day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  };
};
let made: ReturnType<typeof formats> | undefined;
const format = () => (made ??= formats());

const utc = (date: string) =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) || 1);

/** "Nov 2026" for 2026-11. */
export const monthLabel = (month: string) => format().month.format(utc(month));
/** "Nov" for 2026-11, under a bar. */
export const shortMonthLabel = (month: string) => format().shortMonth.format(utc(month));
/** "Week of 23 Nov" for the Monday 2026-11-23. */
export const weekLabel = (monday: string) => t('dash_week_of', format().day.format(utc(monday)));
export const shortWeekLabel = (monday: string) => format().day.format(utc(monday));
