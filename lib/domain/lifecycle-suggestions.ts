import type { Instant } from './ids';
import type { Party } from './party';
import type { RelationshipKind } from './relationship';

/** What a party has bought and agreed, as far as lifecycle rules care. */
export interface LifecycleFacts {
  purchases: readonly { on: string; description: string; createdAt: Instant }[];
  engagements: readonly {
    serviceName: string;
    status: 'proposed' | 'active' | 'paused' | 'ended';
    updatedAt: Instant;
  }[];
}

export type SuggestionBasis = 'first-purchase' | 'bought-again' | 'engagement-active' | 'all-ended';

/**
 * A kind change the user may accept or ignore. `basis` says why and `params` names
 * what it rests on (the page words it): the `service` for an engagement, the purchase's
 * `date` (YYYY-MM-DD) and `description` for a purchase.
 */
export interface LifecycleSuggestion {
  from: RelationshipKind;
  to: RelationshipKind;
  basis: SuggestionBasis;
  params: Record<string, string>;
}

/**
 * Suggests, never forces, the next kind (product.md):
 * - an active engagement suggests client (from prospect, customer or former);
 * - a first purchase suggests customer (a prospect), a new purchase after leaving
 *   suggests customer again (a former);
 * - every engagement over — none active or paused, at least one ended — suggests
 *   former (a client).
 *
 * A suggestion is not repeated once the user has chosen: when the party's kind was
 * changed after the fact that would trigger it, the user has already decided. (A
 * fact in the same millisecond as the last change still counts: a record created
 * and bought from at once has not been decided about.)
 */
export function suggestKind(
  party: Pick<Party, 'kind' | 'kindHistory'>,
  facts: LifecycleFacts,
): LifecycleSuggestion | null {
  const decidedAt = party.kindHistory.at(-1)?.at ?? 0;
  const isNew = (at: Instant) => at >= decidedAt;
  const from = party.kind;

  const active = latest(facts.engagements.filter((e) => e.status === 'active'));
  if (from !== 'client' && active && isNew(active.updatedAt)) {
    return {
      from,
      to: 'client',
      basis: 'engagement-active',
      params: { service: active.serviceName },
    };
  }

  const purchase = latest(facts.purchases, (p) => p.createdAt);
  if (purchase && isNew(purchase.createdAt) && (from === 'prospect' || from === 'former')) {
    const first = from === 'prospect';
    return {
      from,
      to: 'customer',
      basis: first ? 'first-purchase' : 'bought-again',
      params: { date: purchase.on, description: purchase.description },
    };
  }

  const ongoing = facts.engagements.some((e) => e.status === 'active' || e.status === 'paused');
  const ended = latest(facts.engagements.filter((e) => e.status === 'ended'));
  if (from === 'client' && !ongoing && ended && isNew(ended.updatedAt)) {
    return {
      from,
      to: 'former',
      basis: 'all-ended',
      params: { service: ended.serviceName },
    };
  }
  return null;
}

function latest<T extends { updatedAt: Instant }>(items: readonly T[]): T | undefined;
function latest<T>(items: readonly T[], at: (item: T) => Instant): T | undefined;
function latest<T>(items: readonly T[], at?: (item: T) => Instant): T | undefined {
  const when = at ?? ((item: T) => (item as { updatedAt: Instant }).updatedAt);
  let best: T | undefined;
  for (const item of items) if (best === undefined || when(item) > when(best)) best = item;
  return best;
}
