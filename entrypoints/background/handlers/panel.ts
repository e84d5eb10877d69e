import type { panelMessages } from '../../../lib/protocol/areas/panel';
import type { HandlersFor } from '../../../lib/protocol/listener';
import type { BackgroundDeps } from './deps';

export function createPanelHandlers(_deps: BackgroundDeps): HandlersFor<typeof panelMessages> {
  return {};
}
