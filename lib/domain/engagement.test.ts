import { describe, expect, it } from 'vitest';
import { CalendarDateSchema, EngagementSchema } from './engagement';

const T = Date.UTC(2026, 10, 23);

const valid = {
  id: 'e1',
  partyId: 'p1',
  serviceId: 's1',
  serviceName: 'Monthly advisory',
  terms: {
    pricingModel: 'retainer',
    rate: { amountMinor: 250_000, currency: 'EUR' },
    billingPeriod: 'month',
  },
  startOn: '2026-11-23',
  endOn: '2027-11-22',
  renewOn: '2027-10-23',
  status: 'active',
  scopeNotes: '',
  createdAt: T,
  updatedAt: T,
};

describe('CalendarDateSchema', () => {
  it.each(['2026-11-23', '2028-02-29', '2000-02-29', '2026-01-31', '2026-12-31'])(
    'accepts %s',
    (date) => {
      expect(CalendarDateSchema.parse(date)).toBe(date);
    },
  );

  it.each([
    '2027-02-29',
    '2100-02-29',
    '2026-11-31',
    '2026-13-01',
    '2026-00-10',
    '2026-11-23T00:00:00Z',
    '23.11.2026',
    '2026-1-5',
    '',
  ])('rejects %j', (date) => {
    expect(CalendarDateSchema.safeParse(date).success).toBe(false);
  });
});

describe('EngagementSchema', () => {
  it('accepts a well-formed engagement unchanged', () => {
    expect(EngagementSchema.parse(valid)).toStrictEqual(valid);
  });

  it.each(['proposed', 'active', 'paused', 'ended'])('accepts the status %s', (status) => {
    expect(EngagementSchema.safeParse({ ...valid, status }).success).toBe(true);
  });

  it.each([
    ['an unknown status', { status: 'cancelled' }, ['status']],
    ['a start that is not a date', { startOn: '2026-02-30' }, ['startOn']],
    ['an end given as an instant', { endOn: T }, ['endOn']],
    ['a blank service name', { serviceName: ' ' }, ['serviceName']],
    [
      'recurring terms without a billing period',
      {
        terms: { pricingModel: 'subscription', rate: { amountMinor: 900, currency: 'USD' } },
      },
      ['terms', 'billingPeriod'],
    ],
    [
      'one-off terms with a billing period',
      {
        terms: {
          pricingModel: 'fixed-fee',
          rate: { amountMinor: 900, currency: 'USD' },
          billingPeriod: 'month',
        },
      },
      ['terms', 'billingPeriod'],
    ],
    ['a negative instant', { updatedAt: -5 }, ['updatedAt']],
  ])('rejects %s', (_label, change, path) => {
    const result = EngagementSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(path);
  });
});
