import type { Engagement } from '../domain/engagement';
import type { Terms } from '../domain/service';
import type { MessageKey, Translate } from '../platform/i18n';
import { formatAmount } from './amount-input';

// The words come from the catalogue through the `t` a page passes in: this module
// stays free of browser APIs, so it runs unchanged under vitest.

export type EngagementStatus = Engagement['status'];

const PERIOD: Record<NonNullable<Terms['billingPeriod']>, MessageKey> = {
  week: 'panel_terms_week',
  month: 'panel_terms_month',
  quarter: 'panel_terms_quarter',
  year: 'panel_terms_year',
};
const MODEL: Record<Terms['pricingModel'], MessageKey> = {
  hourly: 'panel_terms_model_hourly',
  'fixed-fee': 'panel_terms_model_fixed_fee',
  retainer: 'panel_terms_model_retainer',
  subscription: 'panel_terms_model_subscription',
  'one-time': 'panel_terms_model_one_time',
};

/** "€2,500.00 a month (retainer)", "€150.00 an hour", "€9,000.00 (fixed fee)". */
export function describeTerms(terms: Terms, t: Translate, locale?: string): string {
  const amount = formatAmount(terms.rate.amountMinor, terms.rate.currency, locale);
  if (terms.pricingModel === 'hourly') return t('panel_terms_hourly', amount);
  const model = t(MODEL[terms.pricingModel]);
  if (terms.billingPeriod) return t(PERIOD[terms.billingPeriod], amount, model);
  return t('panel_terms_once', amount, model);
}

export const STATUS_LABELS: Record<EngagementStatus, MessageKey> = {
  proposed: 'panel_status_proposed',
  active: 'panel_status_active',
  paused: 'panel_status_paused',
  ended: 'panel_status_ended',
};

export interface StatusAction {
  to: EngagementStatus;
  /** The button's text: what the user does, not the state it leads to. */
  label: MessageKey;
}

/**
 * The changes of status offered on an engagement: a proposal can be signed, what
 * runs can be paused, what is paused resumed, and anything not over can end.
 * Ending is final here; a new agreement is a new engagement.
 */
export function statusActions(status: EngagementStatus): StatusAction[] {
  const end: StatusAction = { to: 'ended', label: 'panel_action_end' };
  switch (status) {
    case 'proposed':
      return [{ to: 'active', label: 'panel_action_signed' }, end];
    case 'active':
      return [{ to: 'paused', label: 'panel_action_pause' }, end];
    case 'paused':
      return [{ to: 'active', label: 'panel_action_resume' }, end];
    case 'ended':
      return [];
  }
}

/**
 * What the status line says once a change is stored: "Paused “Monthly advisory”."
 * `day` words the end date (the page formats it for its language).
 */
export function describeStatusChange(
  engagement: Pick<Engagement, 'serviceName' | 'status' | 'endOn'>,
  from: EngagementStatus,
  t: Translate,
  day: (isoDay: string) => string = (isoDay) => isoDay,
): string {
  const name = engagement.serviceName;
  switch (engagement.status) {
    case 'ended':
      return engagement.endOn
        ? t('panel_changed_ended_on', name, day(engagement.endOn))
        : t('panel_changed_ended', name);
    case 'paused':
      return t('panel_changed_paused', name);
    case 'active':
      return t(from === 'paused' ? 'panel_changed_resumed' : 'panel_changed_active', name);
    case 'proposed':
      return t('panel_changed_proposed', name);
  }
}
