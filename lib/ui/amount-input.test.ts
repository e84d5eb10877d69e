import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyDigits, formatAmount, parseAmount } from './amount-input';

describe('currencyDigits', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s has %i decimals', (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });
});

describe('parseAmount', () => {
  it.each([
    ['12', 'EUR', 'en-US', 1_200],
    ['12.5', 'EUR', 'en-US', 1_250],
    ['12.05', 'EUR', 'en-US', 1_205],
    ['0.07', 'USD', 'en-US', 7],
    ['.5', 'USD', 'en-US', 50],
    ['1,234.56', 'USD', 'en-US', 123_456],
    ['1,234', 'USD', 'en-US', 123_400],
    ['1.234,56', 'EUR', 'de-DE', 123_456],
    ['1.234', 'EUR', 'de-DE', 123_400],
    ['12,5', 'EUR', 'de-DE', 1_250],
    ['12,5', 'EUR', 'en-US', 1_250],
    ['1 234,50', 'EUR', 'fr-FR', 123_450],
    ['1\u202f234,50', 'EUR', 'fr-FR', 123_450],
    ["1'234.50", 'CHF', 'de-CH', 123_450],
    ['12,34,567.00', 'INR', 'en-IN', 123_456_700],
    ['€ 99', 'EUR', 'en-US', 9_900],
    ['99 EUR', 'EUR', 'en-US', 9_900],
    ['US$5', 'USD', 'en-US', 500],
    ['1500', 'JPY', 'ja-JP', 1_500],
    ['1,500', 'JPY', 'ja-JP', 1_500],
    ['1.234', 'KWD', 'en-US', 1_234],
    ['90071992547409.91', 'USD', 'en-US', 9_007_199_254_740_991],
  ])('%j in %s (%s) is %i minor units', (text, currency, locale, minor) => {
    expect(parseAmount(text, currency, locale)).toStrictEqual({ ok: true, value: minor });
  });

  it.each([
    ['', 'Enter an amount.'],
    ['   ', 'Enter an amount.'],
    ['0', 'above zero'],
    ['-5', 'above zero'],
    ['12.345', 'at most 2 decimals'],
    ['abc', 'not an amount'],
    ['1,2,3', 'not an amount'],
    ['1.234.5', 'not an amount'],
    ['1,234.567.89', 'not an amount'],
    ['12e3', 'not an amount'],
    ['90071992547409.92', 'too large'],
  ])('refuses %j in EUR', (text, message) => {
    const result = parseAmount(text, 'EUR', 'en-US');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it('refuses decimals a currency does not have', () => {
    const result = parseAmount('1500.5', 'JPY', 'en-US');
    expect(!result.ok && result.error.message).toBe('JPY amounts have no decimals.');
  });

  it('reads back exactly what formatAmount shows, for any amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('EUR', 'USD', 'JPY', 'KWD'),
        fc.constantFrom('en-US', 'de-DE', 'fr-FR'),
        (minor, currency, locale) => {
          const shown = formatAmount(minor, currency, locale);
          expect(parseAmount(shown, currency, locale)).toStrictEqual({ ok: true, value: minor });
        },
      ),
    );
  });
});

describe('formatAmount', () => {
  it.each([
    [123_456, 'EUR', 'en-US', '€1,234.56'],
    [5, 'USD', 'en-US', '$0.05'],
    [1_500, 'JPY', 'en-US', '¥1,500'],
    [9_007_199_254_740_991, 'USD', 'en-US', '$90,071,992,547,409.91'],
  ])('%i %s in %s is %s', (minor, currency, locale, shown) => {
    expect(formatAmount(minor, currency, locale)).toBe(shown);
  });
});
