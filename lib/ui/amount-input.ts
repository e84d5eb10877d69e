import type { Result } from '../domain/result';

/**
 * Digits after the decimal point for a currency (2 for EUR, 0 for JPY, 3 for KWD),
 * as the runtime's CLDR data has them; 2 when the runtime does not know the code.
 */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** The locale's decimal separator: `.` in en-US, `,` in de-DE. */
export function decimalSeparator(locale?: string): string {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value ?? '.';
}

const GROUPING = /[\s\u00a0\u202f'’]/g;
// A currency sign or code before or after the number: "€ 12", "12 EUR", "US$5", "5 $US".
const CURRENCY_AROUND =
  /^(?:[A-Za-z]{0,3}\p{Sc}|[A-Za-z]{3})\s*|\s*(?:\p{Sc}[A-Za-z]{0,3}|[A-Za-z]{3})$/gu;
// Thousands grouped by threes (or twos then three, as in India): 1,234,567 or 12,34,567.
const GROUPED = /^\d{1,3}(?:[.,]\d{2,3})*$/;

/**
 * Reads an amount as typed ("1,234.50", "1.234,50", "1 234,5", "€ 99") into an
 * exact integer count of the currency's minor unit, without floating point.
 *
 * Which of `,` and `.` is the decimal point: when both appear, the last one; when
 * one appears several times, it groups thousands; when one appears once, it is the
 * decimal point if it is the locale's, or if exactly three digits do not follow it.
 * More decimals than the currency has is refused rather than rounded.
 *
 * @example parseAmount('1,234.5', 'EUR', 'en-US') // { ok: true, value: 123450 }
 */
export function parseAmount(text: string, currency: string, locale?: string): Result<number> {
  const fail = (message: string): Result<number> => ({
    ok: false,
    error: { code: 'invalid_amount', message },
  });
  const cleaned = text.trim().replace(CURRENCY_AROUND, '').replace(GROUPING, '');
  if (text.trim() === '') return fail('Enter an amount.');
  if (cleaned === '') return fail(`“${text.trim()}” is not an amount.`);
  if (cleaned.startsWith('-')) return fail('Enter an amount above zero.');
  if (!/^[\d.,]+$/.test(cleaned)) return fail(`“${text.trim()}” is not an amount.`);

  const decimal = decimalPoint(cleaned, decimalSeparator(locale));
  const at = decimal === null ? cleaned.length : cleaned.lastIndexOf(decimal);
  const whole = cleaned.slice(0, at);
  const fraction = cleaned.slice(at + 1);
  const grouped = !/[.,]/.test(whole) || GROUPED.test(whole);
  const oneDecimalPoint = !/[.,]/.test(fraction) && (decimal === null || !whole.includes(decimal));
  if (!grouped || !oneDecimalPoint || whole + fraction === '')
    return fail(`“${text.trim()}” is not an amount.`);
  const digits = currencyDigits(currency);
  if (fraction.length > digits)
    return fail(
      digits === 0
        ? `${currency} amounts have no decimals.`
        : `${currency} amounts have at most ${digits} decimals.`,
    );
  const minor = BigInt((whole.replace(/[.,]/g, '') || '0') + fraction.padEnd(digits, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return fail('That amount is too large.');
  if (minor === 0n) return fail('Enter an amount above zero.');
  return { ok: true, value: Number(minor) };
}

function decimalPoint(text: string, localeDecimal: string): string | null {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? ',' : '.';
  const separator = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  if (separator === null) return null;
  if (text.indexOf(separator) !== text.lastIndexOf(separator)) return null;
  const after = text.length - text.indexOf(separator) - 1;
  return separator === localeDecimal || after !== 3 ? separator : null;
}

/**
 * Shows minor units as money in the user's locale, exactly: the amount is passed
 * to Intl as a decimal string, so large amounts never pass through a float.
 */
export function formatAmount(amountMinor: number, currency: string, locale?: string): string {
  const digits = currencyDigits(currency);
  const negative = amountMinor < 0;
  const units = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const decimal =
    digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(units.length - digits)}`;
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    return format.format(`${negative ? '-' : ''}${decimal}` as unknown as number);
  } catch {
    return `${negative ? '-' : ''}${decimal} ${currency}`;
  }
}
