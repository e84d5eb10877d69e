import { describe, expect, it } from 'vitest';
import {
  PRICING_MODELS,
  ServiceSchema,
  TermsSchema,
  isRecurring,
  type PricingModel,
} from './service';

const rate = { amountMinor: 15_000, currency: 'EUR' };

describe('isRecurring', () => {
  it.each([
    ['hourly', false],
    ['fixed-fee', false],
    ['retainer', true],
    ['subscription', true],
    ['one-time', false],
  ] as const)('%s → %s', (model, expected) => {
    expect(isRecurring(model)).toBe(expected);
  });

  it('covers every pricing model', () => {
    expect(PRICING_MODELS).toStrictEqual([
      'hourly',
      'fixed-fee',
      'retainer',
      'subscription',
      'one-time',
    ]);
  });
});

describe('TermsSchema', () => {
  const recurring: PricingModel[] = ['retainer', 'subscription'];
  const oneOff: PricingModel[] = ['hourly', 'fixed-fee', 'one-time'];

  it.each(recurring)('%s with a billing period is accepted', (pricingModel) => {
    const terms = { pricingModel, rate, billingPeriod: 'month' };
    expect(TermsSchema.parse(terms)).toStrictEqual(terms);
  });

  it.each(recurring)('%s without a billing period is refused at billingPeriod', (pricingModel) => {
    const result = TermsSchema.safeParse({ pricingModel, rate });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(['billingPeriod']);
  });

  it.each(oneOff)('%s without a billing period is accepted', (pricingModel) => {
    expect(TermsSchema.parse({ pricingModel, rate })).toStrictEqual({ pricingModel, rate });
  });

  it.each(oneOff)('%s with a billing period is refused at billingPeriod', (pricingModel) => {
    const result = TermsSchema.safeParse({ pricingModel, rate, billingPeriod: 'year' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(['billingPeriod']);
  });

  it.each(['week', 'month', 'quarter', 'year'])('accepts the billing period %s', (period) => {
    expect(
      TermsSchema.safeParse({ pricingModel: 'retainer', rate, billingPeriod: period }).success,
    ).toBe(true);
  });

  it.each([
    { pricingModel: 'retainer', rate, billingPeriod: 'day' },
    { pricingModel: 'barter', rate },
    { pricingModel: 'hourly', rate: { amountMinor: 1.5, currency: 'EUR' } },
    { pricingModel: 'hourly', rate: { amountMinor: 100, currency: 'XYZ' } },
  ])('rejects %j', (terms) => {
    expect(TermsSchema.safeParse(terms).success).toBe(false);
  });
});

describe('ServiceSchema', () => {
  const service = {
    id: 's1',
    name: 'Monthly advisory',
    scope: 'Two calls a month',
    terms: { pricingModel: 'retainer', rate, billingPeriod: 'month' },
    archived: false,
    createdAt: Date.UTC(2026, 10, 23),
    updatedAt: Date.UTC(2026, 10, 23),
  };

  it('accepts a service and trims its name', () => {
    expect(ServiceSchema.parse({ ...service, name: '  Monthly advisory ' })).toStrictEqual(service);
  });

  it.each([
    ['a blank name', { name: '   ' }, ['name']],
    [
      'recurring terms without a period',
      { terms: { pricingModel: 'retainer', rate } },
      ['terms', 'billingPeriod'],
    ],
    ['a negative instant', { createdAt: -1 }, ['createdAt']],
    ['a fractional instant', { updatedAt: 1.5 }, ['updatedAt']],
  ])('rejects %s', (_label, change, path) => {
    const result = ServiceSchema.safeParse({ ...service, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(path);
  });
});
