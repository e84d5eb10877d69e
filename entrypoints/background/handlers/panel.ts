import { ok } from '../../../lib/domain/result';
import { updateParty } from '../../../lib/db/party-repository';
import { savePanelIntent, takePanelIntent } from '../../../lib/platform/panel-intent-store';
import type { panelMessages } from '../../../lib/protocol/areas/panel';
import type { HandlersFor } from '../../../lib/protocol/listener';
import { viewOf, type BackgroundDeps } from './deps';

export function createPanelHandlers({ repo }: BackgroundDeps): HandlersFor<typeof panelMessages> {
  return {
    'parties/update': async ({ id, patch, clear }) => {
      const updated = await updateParty(repo, id, patch, clear);
      return updated.ok ? ok(await viewOf(repo, updated.value)) : updated;
    },
    'panel/showParty': async ({ tabId, partyId }) => {
      await savePanelIntent(tabId, { at: repo.clock(), show: { view: 'party', partyId } });
      return ok({});
    },
    'panel/takeIntent': async ({ tabId }) => {
      const intent = await takePanelIntent(tabId, repo.clock());
      return ok(intent ? { intent } : {});
    },
  };
}
