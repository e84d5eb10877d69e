import type { dueMessages } from '../../../lib/protocol/areas/due';
import type { HandlersFor } from '../../../lib/protocol/listener';
import type { BackgroundDeps } from './deps';

export function createDueHandlers(_deps: BackgroundDeps): HandlersFor<typeof dueMessages> {
  return {};
}
