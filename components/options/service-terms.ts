import { formatMoney } from '../../lib/domain/money';
import type { BillingPeriod, PricingModel, Terms } from '../../lib/domain/service';
import { catalogueLabels, t, uiLanguage } from '../../lib/platform/i18n';
import { MODEL_WORDS, PER_PERIOD } from '../../lib/ui/engagement-terms';

export const PRICING_LABELS = catalogueLabels<PricingModel>({
  hourly: 'pricing_hourly',
  'fixed-fee': 'pricing_fixedFee',
  retainer: 'pricing_retainer',
  subscription: 'pricing_subscription',
  'one-time': 'pricing_oneTime',
});

export const PERIOD_LABELS = catalogueLabels<BillingPeriod>({
  week: 'period_weekly',
  month: 'period_monthly',
  quarter: 'period_quarterly',
  year: 'period_yearly',
});

/** What the rate field is called for a pricing model. */
export function rateLabel(model: PricingModel): string {
  if (model === 'hourly') return t('service_ratePerHour');
  if (model === 'fixed-fee') return t('service_fee');
  if (model === 'one-time') return t('service_price');
  return t('service_amountPerPeriod');
}

/** "$150.00 an hour", "€2,500.00 a month (retainer)", "¥9,800 fixed fee". */
export function describeTerms(terms: Terms, locale = uiLanguage()): string {
  const amount = formatMoney(terms.rate, locale);
  switch (terms.pricingModel) {
    case 'hourly':
      return t('terms_hourly', amount);
    case 'fixed-fee':
      return t('terms_fixedFee', amount);
    case 'one-time':
      return t('terms_once', amount);
    case 'retainer':
    case 'subscription': {
      const model = MODEL_WORDS[terms.pricingModel];
      return terms.billingPeriod
        ? t('terms_periodWithModel', amount, PER_PERIOD[terms.billingPeriod], model)
        : t('terms_withModel', amount, model);
    }
  }
}
