import type { relationshipMessages } from '../../../lib/protocol/areas/relationships';
import type { HandlersFor } from '../../../lib/protocol/listener';
import type { BackgroundDeps } from './deps';

export function createRelationshipHandlers(
  _deps: BackgroundDeps,
): HandlersFor<typeof relationshipMessages> {
  return {};
}
