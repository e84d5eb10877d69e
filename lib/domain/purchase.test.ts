import { describe, expect, it } from 'vitest';
import { PurchaseSchema } from './purchase';

const valid = {
  id: 'b1',
  partyId: 'p1',
  on: '2028-02-29',
  amount: { amountMinor: 4_900, currency: 'JPY' },
  description: 'Annual licence',
  recurrence: 'recurring',
  createdAt: Date.UTC(2028, 1, 29),
};

describe('PurchaseSchema', () => {
  it('accepts a well-formed purchase unchanged', () => {
    expect(PurchaseSchema.parse(valid)).toStrictEqual(valid);
  });

  it('trims the description', () => {
    expect(PurchaseSchema.parse({ ...valid, description: '  Licence ' }).description).toBe(
      'Licence',
    );
  });

  it.each([
    ['a day that does not exist', { on: '2027-02-29' }, ['on']],
    [
      'an amount in major units',
      { amount: { amountMinor: 49.99, currency: 'USD' } },
      ['amount', 'amountMinor'],
    ],
    [
      'an unknown currency',
      { amount: { amountMinor: 100, currency: 'XYZ' } },
      ['amount', 'currency'],
    ],
    [
      'a lower-case currency',
      { amount: { amountMinor: 100, currency: 'usd' } },
      ['amount', 'currency'],
    ],
    ['a blank description', { description: '  ' }, ['description']],
    ['an unknown recurrence', { recurrence: 'monthly' }, ['recurrence']],
    ['a negative instant', { createdAt: -1 }, ['createdAt']],
  ])('rejects %s', (_label, change, path) => {
    const result = PurchaseSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(path);
  });
});
