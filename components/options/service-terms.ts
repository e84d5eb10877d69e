import { formatMoney } from '../../lib/domain/money';
import type { BillingPeriod, PricingModel, Terms } from '../../lib/domain/service';

export const PRICING_LABELS: Record<PricingModel, string> = {
  hourly: 'Hourly',
  'fixed-fee': 'Fixed fee',
  retainer: 'Retainer',
  subscription: 'Subscription',
  'one-time': 'One-time sale',
};

export const PERIOD_LABELS: Record<BillingPeriod, string> = {
  week: 'Weekly',
  month: 'Monthly',
  quarter: 'Quarterly',
  year: 'Yearly',
};

const PER_PERIOD: Record<BillingPeriod, string> = {
  week: 'a week',
  month: 'a month',
  quarter: 'a quarter',
  year: 'a year',
};

/** What the rate field is called for a pricing model. */
export function rateLabel(model: PricingModel): string {
  if (model === 'hourly') return 'Rate per hour';
  if (model === 'fixed-fee') return 'Fee';
  if (model === 'one-time') return 'Price';
  return 'Amount per billing period';
}

/** "$150.00 an hour", "€2,500.00 a month (retainer)", "¥9,800 fixed fee". */
export function describeTerms(terms: Terms, locale?: string): string {
  const amount = formatMoney(terms.rate, locale);
  switch (terms.pricingModel) {
    case 'hourly':
      return `${amount} an hour`;
    case 'fixed-fee':
      return `${amount} fixed fee`;
    case 'one-time':
      return `${amount} once`;
    case 'retainer':
    case 'subscription': {
      const period = terms.billingPeriod ? ` ${PER_PERIOD[terms.billingPeriod]}` : '';
      return `${amount}${period} (${terms.pricingModel})`;
    }
  }
}
