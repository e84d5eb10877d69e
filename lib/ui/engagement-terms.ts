import type { Engagement } from '../domain/engagement';
import type { Terms } from '../domain/service';
import { catalogueLabels, t, uiLanguage, type MessageKey } from '../platform/i18n';
import { formatAmount } from './amount-input';

export type EngagementStatus = Engagement['status'];

/** "a month", "a quarter": how often an amount is billed, inside a sentence. */
export const PER_PERIOD = catalogueLabels<NonNullable<Terms['billingPeriod']>>({
  week: 'terms_perWeek',
  month: 'terms_perMonth',
  quarter: 'terms_perQuarter',
  year: 'terms_perYear',
});
/** How a price is set, in lower case inside a sentence ("(retainer)"). */
export const MODEL_WORDS = catalogueLabels<Terms['pricingModel']>({
  hourly: 'terms_modelHourly',
  'fixed-fee': 'terms_modelFixedFee',
  retainer: 'terms_modelRetainer',
  subscription: 'terms_modelSubscription',
  'one-time': 'terms_modelOneTime',
});

/** "€2,500.00 a month (retainer)", "€150.00 an hour", "€9,000.00 (fixed fee)". */
export function describeTerms(terms: Terms): string {
  const amount = formatAmount(terms.rate.amountMinor, terms.rate.currency, uiLanguage());
  const model = MODEL_WORDS[terms.pricingModel];
  if (terms.pricingModel === 'hourly') return t('terms_hourly', amount);
  if (terms.billingPeriod)
    return t('terms_periodWithModel', amount, PER_PERIOD[terms.billingPeriod], model);
  return t('terms_withModel', amount, model);
}

export const STATUS_LABELS = catalogueLabels<EngagementStatus>({
  proposed: 'engagement_proposed',
  active: 'engagement_active',
  paused: 'engagement_paused',
  ended: 'engagement_ended',
});

export interface StatusAction {
  to: EngagementStatus;
  /** The button's text: what the user does, not the state it leads to. */
  label: string;
}

/**
 * The changes of status offered on an engagement: a proposal can be signed, what
 * runs can be paused, what is paused resumed, and anything not over can end.
 * Ending is final here; a new agreement is a new engagement.
 */
export function statusActions(status: EngagementStatus): StatusAction[] {
  const end: StatusAction = { to: 'ended', label: t('engagement_end') };
  switch (status) {
    case 'proposed':
      return [{ to: 'active', label: t('engagement_sign') }, end];
    case 'active':
      return [{ to: 'paused', label: t('engagement_pause') }, end];
    case 'paused':
      return [{ to: 'active', label: t('engagement_resume') }, end];
    case 'ended':
      return [];
  }
}

/** What the status line says once a change is stored: "Paused “Monthly advisory”." */
export function describeStatusChange(
  engagement: Pick<Engagement, 'serviceName' | 'status' | 'endOn'>,
  from: EngagementStatus,
): string {
  const name = engagement.serviceName;
  const said: Record<EngagementStatus, MessageKey> = {
    ended: engagement.endOn ? 'engagement_endedOn' : 'engagement_endedNow',
    paused: 'engagement_pausedNow',
    active: from === 'paused' ? 'engagement_resumedNow' : 'engagement_activeNow',
    proposed: 'engagement_proposedNow',
  };
  return t(said[engagement.status], name, engagement.endOn ?? '');
}
