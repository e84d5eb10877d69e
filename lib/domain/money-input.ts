import { currencyDigits } from './money-format';
import type { Result } from './result';
import { uiText, type UiText, type UiTextCode, type UiTextParams } from './ui-text';

// Amounts as people type them into a field. Free of zod, like ./money-format, so
// every surface can use them without the schemas in ./money.

/** The decimal and grouping marks a locale writes numbers with (in Latin digits). */
export function numberMarks(locale?: string): { decimal: '.' | ','; group: string } {
  const parts = new Intl.NumberFormat(locale, { numberingSystem: 'latn' }).formatToParts(1234567.5);
  const decimal = parts.find((part) => part.type === 'decimal')?.value;
  const group = parts.find((part) => part.type === 'group')?.value;
  if (decimal === ',') return { decimal, group: group ?? '.' };
  return { decimal: '.', group: group ?? ',' };
}

/** Why an amount was refused: a code for programs, and the words' code for the page. */
export interface AmountProblem {
  code: 'empty' | 'not_a_number' | 'too_precise' | 'too_large';
  text: UiText;
}

// Spaces of every width and apostrophes group digits in several locales (fr, sv,
// de-CH); they never mark decimals, so they are simply dropped.
const GROUPING_ONLY = /[\s\u00a0\u2009\u202f'\u2019]/g;

/**
 * Reads an amount as a person types it in their locale (`1,250.50` or `1250.5` in
 * English, `1.250,50` in German) as an integer count of the currency's minor unit,
 * with no floating-point step: digits are joined as text, so `0.07` is exactly 7.
 * A mark that cannot be grouping (`1250.5` in German) is read as the decimal mark.
 * Zeros past the currency's decimals are dropped; other digits there are refused,
 * never rounded.
 *
 * @example parseAmount('1,250.50', 'USD', 'en-US') // { ok: true, value: 125050 }
 */
export function parseAmount(
  text: string,
  currency: string,
  locale?: string,
): Result<number, AmountProblem> {
  const { decimal } = numberMarks(locale);
  const other = decimal === '.' ? ',' : '.';
  let body = text.trim();
  if (body === '') return problem('empty', 'amount_empty');
  const negative = /^[-\u2212]/.test(body);
  if (negative) body = body.slice(1);
  body = body.replace(GROUPING_ONLY, '');
  if (!/^[\d.,]+$/.test(body)) {
    return problem('not_a_number', 'amount_digits_only', { decimal });
  }

  let whole: string;
  let fraction = '';
  const decimals = body.split(decimal);
  if (decimals.length > 2) return problem('not_a_number', 'amount_decimal_once', { decimal });
  if (decimals.length === 2) {
    const [before = '', after = ''] = decimals;
    const grouped = readGrouped(before, other);
    if (grouped === null || !/^\d*$/.test(after)) return unreadable(decimal);
    whole = grouped;
    fraction = after;
  } else {
    const grouped = readGrouped(body, other);
    if (grouped !== null) whole = grouped;
    else if (body.split(other).length === 2) [whole = '', fraction = ''] = body.split(other);
    else return unreadable(decimal);
  }
  if (whole === '' && fraction === '') return unreadable(decimal);

  const digits = currencyDigits(currency);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) {
    return digits === 0
      ? problem('too_precise', 'amount_no_minor_unit', { currency })
      : problem('too_precise', 'amount_too_precise', { currency, digits });
  }
  const minorText = `${whole}${significant.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  const minor = Number(minorText);
  if (minorText.length > 16 || !Number.isSafeInteger(minor)) {
    return problem('too_large', 'amount_too_large');
  }
  return { ok: true, value: negative && minor !== 0 ? -minor : minor };
}

/**
 * Whole-number digits, either plain or grouped the way people group them: 1–3
 * digits, then groups of 2 or 3 (Indian lakh style) ending in a group of 3. Null
 * when `separator` appears anywhere else, so `1,5` is never read as fifteen.
 */
function readGrouped(text: string, separator: string): string | null {
  if (/^\d*$/.test(text)) return text;
  const groups = text.split(separator);
  const first = groups[0] ?? '';
  const last = groups[groups.length - 1] ?? '';
  const middle = groups.slice(1, -1);
  const fits =
    /^\d{1,3}$/.test(first) && /^\d{3}$/.test(last) && middle.every((g) => /^\d{2,3}$/.test(g));
  return fits ? groups.join('') : null;
}

function problem(code: AmountProblem['code'], words: UiTextCode, params: UiTextParams = {}) {
  return { ok: false as const, error: { code, text: uiText(words, params) } };
}

function unreadable(decimal: string) {
  return problem('not_a_number', 'amount_unreadable', { decimal });
}

/**
 * The text an amount field shows for a stored amount, which `parseAmount` reads
 * back to the same integer (`125050` USD → `1,250.50` in English).
 */
export function amountInputValue(amountMinor: number, currency: string, locale?: string): string {
  const digits = currencyDigits(currency);
  const scale = 10 ** digits;
  const magnitude = Math.abs(amountMinor);
  const fraction = magnitude % scale;
  // Exact: the numerator is a multiple of `scale` and the quotient an integer.
  const whole = (magnitude - fraction) / scale;
  const { decimal, group } = numberMarks(locale);
  const wholeText = new Intl.NumberFormat(locale, { numberingSystem: 'latn' })
    .formatToParts(whole)
    .map((part) => (part.type === 'group' ? group : part.value))
    .join('');
  const sign = amountMinor < 0 ? '-' : '';
  return digits === 0
    ? `${sign}${wholeText}`
    : `${sign}${wholeText}${decimal}${String(fraction).padStart(digits, '0')}`;
}
