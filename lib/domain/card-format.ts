import { isCardDate } from './card-date';

/**
 * A card date in the user's locale: “15 April 1990”, or “15 April” when the year is
 * not known. `locale` is injected (the page passes navigator.language).
 */
export function formatCardDate(date: string, locale?: string): string {
  if (!isCardDate(date)) return date;
  const noYear = date.startsWith('--');
  const [month, day] = date.slice(-5).split('-').map(Number) as [number, number];
  const at = new Date(Date.UTC(noYear ? 2000 : Number(date.slice(0, 4)), month - 1, day));
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    ...(noYear ? {} : { year: 'numeric' }),
  }).format(at);
}

/**
 * What a user types for a date, as a card date: `1990-04-15`, `--04-15` or
 * `04-15` (no year); "" for none; undefined when it is not a date.
 */
export function cardDateInput(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return '';
  const noYear = /^-{0,2}(\d{1,2})-(\d{1,2})$/.exec(value);
  const date = noYear ? `--${noYear[1]!.padStart(2, '0')}-${noYear[2]!.padStart(2, '0')}` : value;
  return isCardDate(date) ? date : undefined;
}
