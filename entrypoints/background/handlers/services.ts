import type { serviceMessages } from '../../../lib/protocol/areas/services';
import type { HandlersFor } from '../../../lib/protocol/listener';
import type { BackgroundDeps } from './deps';

export function createServiceHandlers(_deps: BackgroundDeps): HandlersFor<typeof serviceMessages> {
  return {};
}
