import { ok } from '../../../lib/domain/result';
import { createParty, getParty, setPartyKind } from '../../../lib/db/party-repository';
import type { partyMessages } from '../../../lib/protocol/areas/parties';
import type { HandlersFor } from '../../../lib/protocol/listener';
import { notFound, viewOf, type BackgroundDeps } from './deps';

export function createPartyHandlers({ repo }: BackgroundDeps): HandlersFor<typeof partyMessages> {
  return {
    'parties/create': async (draft) => {
      const outcome = await createParty(repo, draft);
      if (!outcome.ok) return outcome;
      const { party, created } = outcome.value;
      return ok({
        created,
        view: await viewOf(repo, party),
        ...(outcome.value.created ? {} : { matchedBy: outcome.value.matchedBy }),
      });
    },
    'parties/get': async ({ id }) => {
      const party = await getParty(repo.getDb, id);
      return party ? ok(await viewOf(repo, party)) : notFound;
    },
    'parties/setKind': async ({ id, kind, reason }) => {
      const moved = await setPartyKind(repo, id, kind, reason);
      return moved.ok ? ok(await viewOf(repo, moved.value)) : moved;
    },
  };
}
