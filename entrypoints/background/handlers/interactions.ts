import { ok } from '../../../lib/domain/result';
import { listInteractions, logInteraction } from '../../../lib/db/interaction-repository';
import { updateInteraction } from '../../../lib/db/interaction-edit';
import type { interactionMessages } from '../../../lib/protocol/areas/interactions';
import type { HandlersFor } from '../../../lib/protocol/listener';
import { viewOf, type BackgroundDeps } from './deps';

export function createInteractionHandlers({
  repo,
}: BackgroundDeps): HandlersFor<typeof interactionMessages> {
  return {
    'interactions/log': async (draft) => {
      const logged = await logInteraction(repo, draft);
      if (!logged.ok) return logged;
      const { interaction, party, followUp, replayed } = logged.value;
      return ok({
        interaction,
        replayed,
        view: await viewOf(repo, party),
        ...(followUp ? { followUp } : {}),
      });
    },
    'interactions/update': async ({ id, patch }) => {
      const updated = await updateInteraction(repo, id, patch);
      if (!updated.ok) return updated;
      const { interaction, party } = updated.value;
      return ok({ interaction, ...(party ? { view: await viewOf(repo, party) } : {}) });
    },
    'interactions/list': async ({ partyId, limit, before }) =>
      ok(await listInteractions(repo.getDb, partyId, before ? { limit, before } : { limit })),
  };
}
