import type { DuplicateReasonCode } from '../db/duplicates';
import type { SuggestionBasis } from '../domain/lifecycle-suggestions';
import { formatDate, t } from '../platform/i18n';

/** "Same email: ada@example.com": why two records look like one, in the page's words. */
export function duplicateReasonText(reason: {
  code: DuplicateReasonCode;
  params: Record<string, string>;
}): string {
  const { value = '', name = '', organization = '', domain = '' } = reason.params;
  switch (reason.code) {
    case 'email':
      return t('text_duplicate_email', value);
    case 'phone':
      return t('text_duplicate_phone', value);
    case 'name-organization':
      return organization
        ? t('text_duplicate_nameAt', name, organization)
        : t('text_duplicate_organization', name);
    case 'works-at':
      return t('text_duplicate_worksAt', domain, organization);
  }
}

/** Why a change of kind is suggested, in the page's words (the purchase date as it writes dates). */
export function suggestionReasonText(suggestion: {
  basis: SuggestionBasis;
  params: Record<string, string>;
}): string {
  const { service = '', date = '', description = '' } = suggestion.params;
  switch (suggestion.basis) {
    case 'engagement-active':
      return t('text_suggest_engagementActive', service);
    case 'all-ended':
      return t('text_suggest_allEnded', service);
    case 'first-purchase':
      return t('text_suggest_firstPurchase', dayOf(date), description);
    case 'bought-again':
      return t('text_suggest_boughtAgain', dayOf(date), description);
  }
}

/** A calendar day (YYYY-MM-DD) as the page writes dates; as it is when it is not one. */
function dayOf(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return formatDate(Date.UTC(year, month - 1, date), { dateStyle: 'medium', timeZone: 'UTC' });
}
