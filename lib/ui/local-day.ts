/** A day in the user's calendar as a date field holds it: `2026-11-05`. */
export function localDay(at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * A day as a date field holds it, for reading in the page's language: "Nov 5, 2026",
 * "5. Nov. 2026". The day is a calendar day, not an instant, so it is formatted in UTC
 * (where `Date.UTC` put it) and never shifts with the zone. Text that is not a day is
 * returned as it is.
 */
export function formatDay(day: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}
