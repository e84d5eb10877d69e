import { describe, expect, it } from 'vitest';
import { currencyDigits, formatAmount } from './money-format';

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

  it('falls back to 2 for a code the runtime cannot format', () => {
    expect(currencyDigits('not a code')).toBe(2);
  });
});

describe('formatAmount', () => {
  it.each([
    [125_050, 'USD', 'en-US', '$1,250.50'],
    [1250, 'JPY', 'en-US', '¥1,250'],
    [1_250_125, 'KWD', 'en-US', 'KWD\u00a01,250.125'],
    [123_456, 'EUR', 'en-US', '€1,234.56'],
    [5, 'USD', 'en-US', '$0.05'],
    [1_500, 'JPY', 'en-US', '¥1,500'],
    [-2500, 'USD', 'en-US', '-$25.00'],
    [9_007_199_254_740_991, 'USD', 'en-US', '$90,071,992,547,409.91'],
  ])('%i %s in %s is %s', (minor, currency, locale, shown) => {
    expect(formatAmount(minor, currency, locale)).toBe(shown);
  });

  it('writes a code the runtime cannot format after the number', () => {
    expect(formatAmount(1250, 'not a code', 'en-US')).toBe('12.50 not a code');
  });
});
