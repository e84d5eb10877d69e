import type { transferMessages } from '../../../lib/protocol/areas/transfer';
import type { HandlersFor } from '../../../lib/protocol/listener';
import type { BackgroundDeps } from './deps';

export function createTransferHandlers(
  _deps: BackgroundDeps,
): HandlersFor<typeof transferMessages> {
  return {};
}
