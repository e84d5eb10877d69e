import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from './amount-input';

// How numbers are read is tested with the domain's parseAmount (lib/domain/money-input);
// these are what a field for a paid amount adds to it.
describe('parseAmount in an amount field', () => {
  it.each([
    ['1,234.56', 'USD', 'en-US', 123_456],
    ['1.234,56', 'EUR', 'de-DE', 123_456],
    ['€ 99', 'EUR', 'en-US', 9_900],
    ['99 EUR', 'EUR', 'en-US', 9_900],
    ['US$5', 'USD', 'en-US', 500],
    ['1.234,50 €', 'EUR', 'de-DE', 123_450],
  ])('%j in %s (%s) is %i minor units', (text, currency, locale, minor) => {
    expect(parseAmount(text, currency, locale)).toStrictEqual({ ok: true, value: minor });
  });

  it.each([
    ['', 'Enter an amount.'],
    ['   ', 'Enter an amount.'],
    ['0', 'Enter an amount above zero.'],
    ['-5', 'Enter an amount above zero.'],
    ['€ -0', 'Enter an amount above zero.'],
    ['€', '“€” is not an amount.'],
    ['abc', '“abc” is not an amount.'],
    ['12.345', 'at most 2 decimal places'],
    ['1,2,3', 'not an amount'],
    ['90071992547409.92', 'too large'],
  ])('refuses %j in EUR', (text, message) => {
    const result = parseAmount(text, 'EUR', 'en-US');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it('refuses decimals a currency does not have', () => {
    const result = parseAmount('1500.5', 'JPY', 'en-US');
    expect(!result.ok && result.error.message).toBe(
      'JPY has no smaller unit: enter a whole amount.',
    );
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
