import type { Handlers } from '../../../lib/protocol/listener';
import type { BackgroundDeps } from './deps';
import { createDueHandlers } from './due';
import { createEmailHandlers } from './email';
import { createInteractionHandlers } from './interactions';
import { createPageHandlers } from './page';
import { createPanelHandlers } from './panel';
import { createPartyHandlers } from './parties';
import { createRelationshipHandlers } from './relationships';
import { createSearchHandlers } from './search';
import { createServiceHandlers } from './services';
import { createSyncHandlers } from './sync';
import { createTransferHandlers } from './transfer';
import { createUndoHandlers } from './undo';

export type { BackgroundDeps } from './deps';

/**
 * The background's answers, one per message, gathered from each area. Each is a
 * thin adapter: parsing and sender checks happened in the listener, rules live in
 * lib/domain and lib/db.
 */
export function createHandlers(deps: BackgroundDeps): Handlers {
  return {
    ...createPageHandlers(deps),
    ...createPartyHandlers(deps),
    ...createInteractionHandlers(deps),
    ...createSearchHandlers(deps),
    ...createDueHandlers(deps),
    ...createServiceHandlers(deps),
    ...createTransferHandlers(deps),
    ...createPanelHandlers(deps),
    ...createRelationshipHandlers(deps),
    ...createUndoHandlers(deps),
    ...createEmailHandlers(deps),
    ...createSyncHandlers(deps),
  };
}
