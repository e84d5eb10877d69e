import type { Engagement } from '../domain/engagement';
import type { Terms } from '../domain/service';
import { formatAmount } from './amount-input';

export type EngagementStatus = Engagement['status'];

const PERIOD: Record<NonNullable<Terms['billingPeriod']>, string> = {
  week: 'a week',
  month: 'a month',
  quarter: 'a quarter',
  year: 'a year',
};
const MODEL: Record<Terms['pricingModel'], string> = {
  hourly: 'an hour',
  'fixed-fee': 'fixed fee',
  retainer: 'retainer',
  subscription: 'subscription',
  'one-time': 'one time',
};

/** "€2,500.00 a month (retainer)", "€150.00 an hour", "€9,000.00 (fixed fee)". */
export function describeTerms(terms: Terms): string {
  const amount = formatAmount(terms.rate.amountMinor, terms.rate.currency);
  if (terms.pricingModel === 'hourly') return `${amount} an hour`;
  if (terms.billingPeriod)
    return `${amount} ${PERIOD[terms.billingPeriod]} (${MODEL[terms.pricingModel]})`;
  return `${amount} (${MODEL[terms.pricingModel]})`;
}

export const STATUS_LABELS: Record<EngagementStatus, string> = {
  proposed: 'Proposed',
  active: 'Active',
  paused: 'Paused',
  ended: 'Ended',
};

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
  const end: StatusAction = { to: 'ended', label: 'End' };
  switch (status) {
    case 'proposed':
      return [{ to: 'active', label: 'Signed' }, end];
    case 'active':
      return [{ to: 'paused', label: 'Pause' }, end];
    case 'paused':
      return [{ to: 'active', label: 'Resume' }, end];
    case 'ended':
      return [];
  }
}

/** What the status line says once a change is stored: "Paused “Monthly advisory”." */
export function describeStatusChange(
  engagement: Pick<Engagement, 'serviceName' | 'status' | 'endOn'>,
  from: EngagementStatus,
): string {
  const name = `“${engagement.serviceName}”`;
  if (engagement.status === 'ended')
    return `Ended ${name}${engagement.endOn ? ` on ${engagement.endOn}` : ''}.`;
  if (engagement.status === 'paused') return `Paused ${name}.`;
  if (engagement.status === 'active')
    return from === 'paused' ? `Resumed ${name}.` : `${name} is active.`;
  return `${name} is ${STATUS_LABELS[engagement.status].toLowerCase()}.`;
}
