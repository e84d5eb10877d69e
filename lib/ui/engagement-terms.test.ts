import { describe, expect, it } from 'vitest';
import { describeStatusChange, describeTerms, statusActions } from './engagement-terms';

describe('describeTerms', () => {
  it.each([
    [
      {
        pricingModel: 'retainer',
        rate: { amountMinor: 250_000, currency: 'EUR' },
        billingPeriod: 'month',
      },
      '€2,500.00 a month (retainer)',
    ],
    [{ pricingModel: 'hourly', rate: { amountMinor: 15_000, currency: 'USD' } }, '$150.00 an hour'],
    [
      { pricingModel: 'fixed-fee', rate: { amountMinor: 900_000, currency: 'EUR' } },
      '€9,000.00 (fixed fee)',
    ],
    [
      {
        pricingModel: 'subscription',
        rate: { amountMinor: 1_200, currency: 'JPY' },
        billingPeriod: 'year',
      },
      '¥1,200 a year (subscription)',
    ],
  ] as const)('%j reads %s', (terms, text) => {
    expect(describeTerms(terms)).toBe(text);
  });
});

describe('statusActions', () => {
  it.each([
    ['proposed', ['active', 'ended']],
    ['active', ['paused', 'ended']],
    ['paused', ['active', 'ended']],
    ['ended', []],
  ] as const)('a %s engagement can become %j', (status, targets) => {
    expect(statusActions(status).map((a) => a.to)).toEqual(targets);
  });

  it('says Resume, not Signed, for a paused one', () => {
    expect(statusActions('paused')[0]?.label).toBe('Resume');
    expect(statusActions('proposed')[0]?.label).toBe('Signed');
  });
});

describe('describeStatusChange', () => {
  const named = { serviceName: 'Monthly advisory' };
  it.each([
    [
      { ...named, status: 'ended', endOn: '2026-12-01' },
      'active',
      'Ended “Monthly advisory” on 2026-12-01.',
    ],
    [{ ...named, status: 'paused' }, 'active', 'Paused “Monthly advisory”.'],
    [{ ...named, status: 'active' }, 'paused', 'Resumed “Monthly advisory”.'],
    [{ ...named, status: 'active' }, 'proposed', '“Monthly advisory” is active.'],
  ] as const)('%j from %s', (engagement, from, text) => {
    expect(describeStatusChange(engagement, from)).toBe(text);
  });
});
