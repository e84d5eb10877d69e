import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountInputValue, parseAmount } from './money-input';

describe('parseAmount', () => {
  it.each([
    // typed, currency, locale, minor units
    ['12', 'EUR', 'en-US', 1_200],
    ['12.5', 'EUR', 'en-US', 1_250],
    ['12.05', 'EUR', 'en-US', 1_205],
    ['1,250.50', 'USD', 'en-US', 125_050],
    ['1250.5', 'USD', 'en-US', 125_050],
    ['1250', 'USD', 'en-US', 125_000],
    ['0.07', 'USD', 'en-US', 7],
    ['.5', 'USD', 'en-US', 50],
    ['5.', 'USD', 'en-US', 500],
    ['  150  ', 'USD', 'en-US', 15_000],
    ['1,250', 'USD', 'en-US', 125_000],
    ['1,234.56', 'USD', 'en-US', 123_456],
    ['1,234,567.89', 'USD', 'en-US', 123_456_789],
    ['12,5', 'EUR', 'en-US', 1_250],
    ['12,34,567.50', 'INR', 'en-IN', 123_456_750],
    ['12,34,567.00', 'INR', 'en-IN', 123_456_700],
    ['1.250,50', 'EUR', 'de-DE', 125_050],
    ['1.234,56', 'EUR', 'de-DE', 123_456],
    ['1250,5', 'EUR', 'de-DE', 125_050],
    ['12,5', 'EUR', 'de-DE', 1_250],
    ['1250.5', 'EUR', 'de-DE', 125_050],
    ['1.250', 'EUR', 'de-DE', 125_000],
    ['1,250', 'EUR', 'de-DE', 125],
    ['1 250,50', 'EUR', 'fr-FR', 125_050],
    ['1\u202f250,50', 'EUR', 'fr-FR', 125_050],
    ['1\u2009250,50', 'EUR', 'fr-FR', 125_050],
    ["1'250.50", 'CHF', 'de-CH', 125_050],
    ['1\u2019250.50', 'CHF', 'de-CH', 125_050],
    ['1500', 'JPY', 'ja-JP', 1500],
    ['1,250', 'JPY', 'ja-JP', 1250],
    ['1250.000', 'JPY', 'en-US', 1250],
    ['1,250.125', 'KWD', 'en-US', 1_250_125],
    ['1.234', 'KWD', 'en-US', 1_234],
    ['0.1', 'KWD', 'en-US', 100],
    ['1.50', 'USD', 'en-US', 150],
    ['1.500', 'USD', 'en-US', 150],
    ['-25', 'USD', 'en-US', -2500],
    ['-0', 'USD', 'en-US', 0],
    ['0.29', 'USD', 'en-US', 29],
    ['1.13', 'USD', 'en-US', 113],
    ['90071992547409.91', 'USD', 'en-US', 9_007_199_254_740_991],
  ])('reads %j %s in %s as %i', (typed, currency, locale, minor) => {
    expect(parseAmount(typed, currency, locale)).toStrictEqual({ ok: true, value: minor });
  });

  it.each([
    // typed, currency, locale, code, the words' code
    ['', 'USD', 'en-US', 'empty', 'amount_empty'],
    ['   ', 'USD', 'en-US', 'empty', 'amount_empty'],
    ['abc', 'USD', 'en-US', 'not_a_number', 'amount_digits_only'],
    ['$100', 'USD', 'en-US', 'not_a_number', 'amount_digits_only'],
    ['1e3', 'USD', 'en-US', 'not_a_number', 'amount_digits_only'],
    ['12e3', 'EUR', 'en-US', 'not_a_number', 'amount_digits_only'],
    ['.', 'USD', 'en-US', 'not_a_number', 'amount_unreadable'],
    ['1.2.3', 'USD', 'en-US', 'not_a_number', 'amount_decimal_once'],
    ['1.234.5', 'EUR', 'en-US', 'not_a_number', 'amount_decimal_once'],
    ['1,2,3', 'USD', 'en-US', 'not_a_number', 'amount_unreadable'],
    ['1,250.5,0', 'USD', 'en-US', 'not_a_number', 'amount_unreadable'],
    ['1,234.567.89', 'EUR', 'en-US', 'not_a_number', 'amount_decimal_once'],
    ['1.250,50', 'USD', 'en-US', 'not_a_number', 'amount_unreadable'],
    ['0.001', 'USD', 'en-US', 'too_precise', 'amount_too_precise'],
    ['12.345', 'EUR', 'en-US', 'too_precise', 'amount_too_precise'],
    ['1,255', 'USD', 'de-DE', 'too_precise', 'amount_too_precise'],
    ['12.5', 'JPY', 'en-US', 'too_precise', 'amount_no_minor_unit'],
    ['1.0001', 'KWD', 'en-US', 'too_precise', 'amount_too_precise'],
    ['90071992547409.92', 'USD', 'en-US', 'too_large', 'amount_too_large'],
    ['99999999999999999999', 'JPY', 'en-US', 'too_large', 'amount_too_large'],
  ])('refuses %j %s in %s (%s)', (typed, currency, locale, code, words) => {
    const read = parseAmount(typed, currency, locale);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error.code).toBe(code);
      expect(read.error.text.code).toBe(words);
    }
  });

  it('names the decimal places a currency allows', () => {
    const read = parseAmount('1.2345', 'KWD', 'en-US');
    expect(read).toEqual({
      ok: false,
      error: {
        code: 'too_precise',
        text: { code: 'amount_too_precise', params: { currency: 'KWD', digits: 3 } },
      },
    });
  });
});

describe('amountInputValue', () => {
  it.each([
    [125_050, 'USD', 'en-US', '1,250.50'],
    [7, 'USD', 'en-US', '0.07'],
    [-2500, 'USD', 'en-US', '-25.00'],
    [1250, 'JPY', 'ja-JP', '1,250'],
    [1_250_125, 'KWD', 'en-US', '1,250.125'],
    [125_050, 'EUR', 'de-DE', '1.250,50'],
    [9_007_199_254_740_991, 'USD', 'en-US', '90,071,992,547,409.91'],
  ])('shows %i %s in %s as %j', (minor, currency, locale, shown) => {
    expect(amountInputValue(minor, currency, locale)).toBe(shown);
  });

  it('is read back to the same integer in any locale and currency', () => {
    const locales = ['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'ja-JP', 'ar-EG', 'pt-BR'];
    const currencies = ['USD', 'JPY', 'KWD', 'EUR'];
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(...locales),
        fc.constantFrom(...currencies),
        (minor, locale, currency) => {
          const shown = amountInputValue(minor, currency, locale);
          expect(parseAmount(shown, currency, locale)).toEqual({ ok: true, value: minor });
        },
      ),
    );
  });
});
