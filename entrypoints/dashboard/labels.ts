/** Short, readable labels for the dashboard's categories. */
export const STAGE_LABELS: Record<string, string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
};

const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortMonthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

const utc = (date: string) =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) || 1);

/** "Nov 2026" for 2026-11. */
export const monthLabel = (month: string) => monthFormat.format(utc(month));
/** "Nov" for 2026-11, under a bar. */
export const shortMonthLabel = (month: string) => shortMonthFormat.format(utc(month));
/** "Week of 23 Nov" for the Monday 2026-11-23. */
export const weekLabel = (monday: string) => `Week of ${dayFormat.format(utc(monday))}`;
export const shortWeekLabel = (monday: string) => dayFormat.format(utc(monday));
