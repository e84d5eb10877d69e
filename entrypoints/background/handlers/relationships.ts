import { ok } from '../../../lib/domain/result';
import { readDashboardFigures } from '../../../lib/db/dashboard-reader';
import { findDuplicates, linkToOrganization } from '../../../lib/db/duplicates';
import {
  createEngagement,
  listCatalogue,
  listEngagements,
  partySummary,
  setEngagementStatus,
} from '../../../lib/db/engagement-repository';
import { mergeRecords, previewMerge } from '../../../lib/db/merge-repository';
import { updateProspect } from '../../../lib/db/party-repository';
import { listPurchases, recordPurchase } from '../../../lib/db/purchase-repository';
import type { relationshipMessages } from '../../../lib/protocol/areas/relationships';
import type { HandlersFor } from '../../../lib/protocol/listener';
import { notFound, viewOf, type BackgroundDeps } from './deps';

export function createRelationshipHandlers({
  repo,
}: BackgroundDeps): HandlersFor<typeof relationshipMessages> {
  return {
    'engagements/create': async (draft) => createEngagement(repo, draft),
    'engagements/setStatus': async (change) => setEngagementStatus(repo, change),
    'engagements/catalogue': async () => ok({ services: await listCatalogue(repo.getDb) }),
    'engagements/list': async ({ partyId }) =>
      ok({ engagements: await listEngagements(repo.getDb, partyId) }),
    'purchases/record': async (draft) => recordPurchase(repo, draft),
    'purchases/list': async ({ partyId }) =>
      ok({ purchases: await listPurchases(repo.getDb, partyId) }),
    'parties/summary': async ({ id }) => {
      const summary = await partySummary(repo.getDb, id);
      if (!summary) return notFound;
      const { party, ...rest } = summary;
      return ok({ view: await viewOf(repo, party), ...rest });
    },
    'prospects/update': async ({ id, ...info }) => {
      const updated = await updateProspect(repo, id, info);
      return updated.ok ? ok(await viewOf(repo, updated.value)) : updated;
    },
    'duplicates/find': async () => ok({ pairs: await findDuplicates(repo.getDb) }),
    'duplicates/preview': async (target) => previewMerge(repo, target),
    'duplicates/merge': async (request) => {
      const merged = await mergeRecords(repo, request);
      if (!merged.ok) return merged;
      return ok({ view: await viewOf(repo, merged.value.party), moved: merged.value.moved });
    },
    'duplicates/link': async ({ personId, organizationId }) => {
      const linked = await linkToOrganization(repo, personId, organizationId);
      return linked.ok ? ok(await viewOf(repo, linked.value)) : linked;
    },
    'dashboard/figures': async ({ timeZone }) => {
      const { cadence } = await repo.settings();
      const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
      return ok(
        await readDashboardFigures(repo.getDb, { now: repo.clock(), timeZone: zone, cadence }),
      );
    },
  };
}
