import type { Health, RelationshipKind } from '../domain';
import type { InteractionType } from '../domain/interaction';
import { catalogueLabels, t, uiLanguage } from '../platform/i18n';

export const KIND_LABELS = catalogueLabels<RelationshipKind>({
  prospect: 'kind_prospect',
  customer: 'kind_customer',
  client: 'kind_client',
  former: 'kind_former',
});

export const HEALTH_LABELS = catalogueLabels<Health>({
  'on-time': 'health_onTime',
  'due-soon': 'health_dueSoon',
  overdue: 'health_overdue',
  none: 'health_none',
});

/** "Call", "Meeting": an interaction's type as a label. */
export const INTERACTION_LABELS = catalogueLabels<InteractionType>({
  email: 'interaction_email',
  call: 'interaction_call',
  meeting: 'interaction_meeting',
  message: 'interaction_message',
  note: 'interaction_note',
});

/** "call", "meeting": an interaction's type inside a sentence or a timeline line. */
export const INTERACTION_WORDS = catalogueLabels<InteractionType>({
  email: 'interaction_email_word',
  call: 'interaction_call_word',
  meeting: 'interaction_meeting_word',
  message: 'interaction_message_word',
  note: 'interaction_note_word',
});

/** "a, b and c" in the page's language. */
export const listOf = (items: readonly string[], type: Intl.ListFormatType = 'conjunction') =>
  new Intl.ListFormat(uiLanguage(), { type }).format(items);

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago", "in 2 weeks", "just now": the way people say when something happened. */
export function relativeTime(at: number, now: number, locale = uiLanguage()): string {
  const delta = at - now;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return format.format(Math.round(delta / size), unit);
  }
  return t('time_justNow');
}

/** A `datetime-local` input's value for an instant, in the user's time zone. */
export function toLocalInputValue(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Reads a `datetime-local` or `date` input's value as an instant in the user's time zone. */
export function fromLocalInputValue(value: string): number | undefined {
  if (value === '') return undefined;
  const at = new Date(value.length === 10 ? `${value}T09:00` : value).getTime();
  return Number.isNaN(at) ? undefined : at;
}
