import { parseAmount as readAmount } from '../domain/money-input';
import type { Result } from '../domain/result';

import { t } from '../platform/i18n';
import { say } from './ui-text';

export { currencyDigits, formatAmount } from '../domain/money-format';

/** A field's problem already in the page's words: this runs in the page. */
export interface WordedProblem {
  code: string;
  message: string;
}

// A currency sign or code before or after the number: "€ 12", "12 EUR", "US$5", "5 $US".
const CURRENCY_AROUND =
  /^(?:[A-Za-z]{0,3}\p{Sc}|[A-Za-z]{3})\s*|\s*(?:\p{Sc}[A-Za-z]{0,3}|[A-Za-z]{3})$/gu;

/**
 * Reads the amount of a purchase or an engagement's rate as typed ("1,234.50",
 * "1.234,50", "1 234,5", "€ 99") into an exact integer count of the currency's
 * minor unit. The number is read by the domain's `parseAmount`; a field for what
 * was paid also takes a currency sign or code around it (so what `formatAmount`
 * shows reads back) and wants more than zero.
 *
 * @example parseAmount('€ 1,234.5', 'EUR', 'en-US') // { ok: true, value: 123450 }
 */
export function parseAmount(
  text: string,
  currency: string,
  locale?: string,
): Result<number, WordedProblem> {
  const typed = text.trim();
  const number = typed.replace(CURRENCY_AROUND, '');
  if (typed !== '' && number === '') {
    return { ok: false, error: { code: 'not_a_number', message: t('amount_notAmount', typed) } };
  }
  const read = readAmount(number, currency, locale);
  if (!read.ok)
    return { ok: false, error: { code: read.error.code, message: say(read.error.text) } };
  if (read.value <= 0) {
    return { ok: false, error: { code: 'not_positive', message: t('amount_notPositive') } };
  }
  return read;
}
