import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  amountInputValue,
  currencyDigits,
  CurrencySchema,
  formatMoney,
  MoneySchema,
  parseAmount,
  totalsByCurrency,
  type Money,
} from './money';

const money = (amountMinor: number, currency: string): Money => ({ amountMinor, currency });

describe('CurrencySchema', () => {
  it.each(['EUR', 'JPY', 'USD', 'GBP', 'CHF', 'SEK'])('accepts %s', (code) => {
    expect(CurrencySchema.parse(code)).toBe(code);
  });

  it.each([
    ['XYZ', 'not an ISO 4217 currency'],
    ['ABC', 'not an ISO 4217 currency'],
    ['eur', 'a three-letter ISO 4217 code such as EUR'],
    ['Eur', 'a three-letter ISO 4217 code such as EUR'],
    ['EU', 'a three-letter ISO 4217 code such as EUR'],
    ['EURO', 'a three-letter ISO 4217 code such as EUR'],
    [' EUR', 'a three-letter ISO 4217 code such as EUR'],
    ['E1R', 'a three-letter ISO 4217 code such as EUR'],
    ['€', 'a three-letter ISO 4217 code such as EUR'],
    ['', 'a three-letter ISO 4217 code such as EUR'],
  ])('rejects %j: %s', (code, message) => {
    const result = CurrencySchema.safeParse(code);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});

describe('MoneySchema', () => {
  it.each([money(0, 'EUR'), money(129_900, 'USD'), money(1500, 'JPY'), money(-2500, 'EUR')])(
    'accepts %j',
    (value) => {
      expect(MoneySchema.parse(value)).toStrictEqual(value);
    },
  );

  it.each([
    money(12.5, 'EUR'),
    money(Number.MAX_SAFE_INTEGER + 1, 'EUR'),
    money(Number.NaN, 'EUR'),
    money(Number.POSITIVE_INFINITY, 'EUR'),
    money(100, 'eur'),
    money(100, 'XYZ'),
    { amountMinor: '100', currency: 'EUR' },
    { amountMinor: 100 },
  ])('rejects %j', (value) => {
    expect(MoneySchema.safeParse(value).success).toBe(false);
  });
});

describe('totalsByCurrency', () => {
  it('sums each currency on its own, never across currencies', () => {
    const totals = totalsByCurrency([
      money(1000, 'EUR'),
      money(250, 'USD'),
      money(2500, 'EUR'),
      money(300, 'JPY'),
      money(-100, 'USD'),
      money(0, 'GBP'),
    ]);
    expect([...totals]).toStrictEqual([
      ['EUR', 3500],
      ['USD', 150],
      ['JPY', 300],
      ['GBP', 0],
    ]);
  });

  it('is empty for no amounts', () => {
    expect(totalsByCurrency([]).size).toBe(0);
  });

  it('adds integers exactly (no floating-point drift)', () => {
    const totals = totalsByCurrency(Array.from({ length: 10 }, () => money(10, 'EUR')));
    expect(totals.get('EUR')).toBe(100);
  });
});

describe('currencyDigits', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['ISK', 0],
    ['KWD', 3],
    ['BHD', 3],
  ])('%s has %i', (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });
});

describe('parseAmount', () => {
  it.each([
    // typed, currency, locale, minor units
    ['1,250.50', 'USD', 'en-US', 125_050],
    ['1250.5', 'USD', 'en-US', 125_050],
    ['1250', 'USD', 'en-US', 125_000],
    ['0.07', 'USD', 'en-US', 7],
    ['.5', 'USD', 'en-US', 50],
    ['5.', 'USD', 'en-US', 500],
    ['  150  ', 'USD', 'en-US', 15_000],
    ['1,250', 'USD', 'en-US', 125_000],
    ['1,234,567.89', 'USD', 'en-US', 123_456_789],
    ['12,34,567.50', 'INR', 'en-IN', 123_456_750],
    ['1.250,50', 'EUR', 'de-DE', 125_050],
    ['1250,5', 'EUR', 'de-DE', 125_050],
    ['1250.5', 'EUR', 'de-DE', 125_050],
    ['1.250', 'EUR', 'de-DE', 125_000],
    ['1,250', 'EUR', 'de-DE', 125],
    ['1 250,50', 'EUR', 'fr-FR', 125_050],
    ['1\u202f250,50', 'EUR', 'fr-FR', 125_050],
    ["1'250.50", 'CHF', 'de-CH', 125_050],
    ['1\u2019250.50', 'CHF', 'de-CH', 125_050],
    ['1,250', 'JPY', 'ja-JP', 1250],
    ['1250.000', 'JPY', 'en-US', 1250],
    ['1,250.125', 'KWD', 'en-US', 1_250_125],
    ['0.1', 'KWD', 'en-US', 100],
    ['1.50', 'USD', 'en-US', 150],
    ['1.500', 'USD', 'en-US', 150],
    ['-25', 'USD', 'en-US', -2500],
    ['-0', 'USD', 'en-US', 0],
    ['0.29', 'USD', 'en-US', 29],
    ['1.13', 'USD', 'en-US', 113],
    ['90071992547409.91', 'USD', 'en-US', 9_007_199_254_740_991],
  ])('reads %j %s in %s as %i', (typed, currency, locale, minor) => {
    expect(parseAmount(typed, currency, locale)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ['', 'USD', 'en-US', 'empty'],
    ['   ', 'USD', 'en-US', 'empty'],
    ['abc', 'USD', 'en-US', 'not_a_number'],
    ['$100', 'USD', 'en-US', 'not_a_number'],
    ['1e3', 'USD', 'en-US', 'not_a_number'],
    ['.', 'USD', 'en-US', 'not_a_number'],
    ['1.2.3', 'USD', 'en-US', 'not_a_number'],
    ['1,2,3', 'USD', 'en-US', 'not_a_number'],
    ['1,250.5,0', 'USD', 'en-US', 'not_a_number'],
    ['1.250,50', 'USD', 'en-US', 'not_a_number'],
    ['0.001', 'USD', 'en-US', 'too_precise'],
    ['1,255', 'USD', 'de-DE', 'too_precise'],
    ['12.5', 'JPY', 'en-US', 'too_precise'],
    ['1.0001', 'KWD', 'en-US', 'too_precise'],
    ['90071992547409.92', 'USD', 'en-US', 'too_large'],
    ['99999999999999999999', 'JPY', 'en-US', 'too_large'],
  ])('refuses %j %s in %s (%s)', (typed, currency, locale, code) => {
    const read = parseAmount(typed, currency, locale);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error.code).toBe(code);
      expect(read.error.message.length).toBeGreaterThan(5);
    }
  });

  it('names the decimal places a currency allows', () => {
    const read = parseAmount('1.2345', 'KWD', 'en-US');
    expect(read).toEqual({
      ok: false,
      error: { code: 'too_precise', message: 'KWD amounts have at most 3 decimal places.' },
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

describe('formatMoney', () => {
  it('shows the currency and its own decimals', () => {
    expect(formatMoney(money(125_050, 'USD'), 'en-US')).toBe('$1,250.50');
    expect(formatMoney(money(1250, 'JPY'), 'en-US')).toBe('¥1,250');
    expect(formatMoney(money(1_250_125, 'KWD'), 'en-US')).toBe('KWD\u00a01,250.125');
  });
});
