import type { MessageKey } from '../../lib/platform/i18n';
import type { RelationshipKind } from '../../lib/domain/relationship';

/** "Added Ada as a client.": one sentence per kind, so each language words its own. */
export const ADDED_AS: Record<RelationshipKind, MessageKey> = {
  prospect: 'panel_added_prospect',
  customer: 'panel_added_customer',
  client: 'panel_added_client',
  former: 'panel_added_former',
};
