import type { RelationshipKind } from '../domain/relationship';

export type DealingPart = 'engagements' | 'purchases';
export type DealingAction = 'engagement' | 'purchase';

export interface RelationshipLayout {
  /** Prospects lead with where the sale stands: stage, source, next step. */
  prospectDetails: boolean;
  /** Which part of the summary comes first. */
  lead: DealingPart;
  /** The two "add" actions in the order offered; the first is the main one unless `quietActions`. */
  actions: [DealingAction, DealingAction];
  /** True when neither action is this kind's usual business (a prospect or a former). */
  quietActions: boolean;
}

/**
 * How a record puts what a party buys, by kind (product.md): a client is an
 * ongoing agreement, so engagements and retainers come first and adding one is
 * the main action; a customer buys, so purchases lead; a prospect leads with the
 * stage of the sale, a purchase (the usual way a prospect converts) offered
 * before an engagement. A former keeps its history, engagements first, since
 * most were clients; both actions stay plain, as buying again is the exception.
 */
export function relationshipLayout(kind: RelationshipKind): RelationshipLayout {
  switch (kind) {
    case 'client':
      return {
        prospectDetails: false,
        lead: 'engagements',
        actions: ['engagement', 'purchase'],
        quietActions: false,
      };
    case 'customer':
      return {
        prospectDetails: false,
        lead: 'purchases',
        actions: ['purchase', 'engagement'],
        quietActions: false,
      };
    case 'prospect':
      return {
        prospectDetails: true,
        lead: 'purchases',
        actions: ['purchase', 'engagement'],
        quietActions: true,
      };
    case 'former':
      return {
        prospectDetails: false,
        lead: 'engagements',
        actions: ['purchase', 'engagement'],
        quietActions: true,
      };
  }
}
