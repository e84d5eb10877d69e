import { t, uiLanguage } from '../platform/i18n';

/**
 * A follow-up's day and time in the page's language: the weekday, day and month,
 * the year only when it is not this one, and the minute it falls due (they are set
 * to the minute). `timeZone` is for tests; pages use the machine's, which is the user's.
 */
export function followUpDate(
  dueAt: number,
  now: number,
  locale = uiLanguage(),
  timeZone?: string,
): string {
  const zone = timeZone ? { timeZone } : {};
  const year = (at: number) =>
    new Intl.DateTimeFormat('en', { year: 'numeric', ...zone }).format(at);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(year(dueAt) === year(now) ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
    ...zone,
  }).format(dueAt);
}

/** "due Mon 14 Dec, 09:00", or "was due …" once the moment has passed. */
export function followUpWhen(
  dueAt: number,
  now: number,
  locale = uiLanguage(),
  timeZone?: string,
): string {
  const date = followUpDate(dueAt, now, locale, timeZone);
  return dueAt < now ? t('due_wasDue', date) : t('due_on', date);
}
