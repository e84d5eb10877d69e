import { describe, expect, it } from 'vitest';
import {
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

describe('formatMoney', () => {
  it('shows the currency and its own decimals', () => {
    expect(formatMoney(money(125_050, 'USD'), 'en-US')).toBe('$1,250.50');
    expect(formatMoney(money(1250, 'JPY'), 'en-US')).toBe('¥1,250');
    expect(formatMoney(money(1_250_125, 'KWD'), 'en-US')).toBe('KWD\u00a01,250.125');
  });
});

// Amounts as text are tested in ./money-format.test.ts and ./money-input.test.ts; this module passes them on.
describe('parseAmount', () => {
  it('is the one in ./money-input', () => {
    expect(parseAmount('1.250,50', 'EUR', 'de-DE')).toEqual({ ok: true, value: 125_050 });
  });
});
