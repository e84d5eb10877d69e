import type { CadenceDefaults } from '../domain/cadence';
import {
  dashboardFigures,
  interactionWindowStart,
  type DashboardFigures,
} from '../domain/dashboard';
import { EngagementSchema } from '../domain/engagement';
import type { Instant } from '../domain/ids';
import { InteractionSchema } from '../domain/interaction';
import { PartySchema } from '../domain/party';
import { PurchaseSchema } from '../domain/purchase';
import type { GetDb } from './open';

/**
 * Reads what the dashboard needs in one transaction and computes its figures.
 * Interactions are read per party from the `byPartyAt` index, and only those of
 * the last twelve weeks: a book's whole history is never loaded for a chart.
 */
export async function readDashboardFigures(
  getDb: GetDb,
  options: { now: Instant; timeZone: string; cadence: CadenceDefaults },
): Promise<DashboardFigures> {
  const db = await getDb();
  const tx = db.transaction(['parties', 'interactions', 'purchases', 'engagements'], 'readonly');
  const [parties, purchases, engagements] = await Promise.all([
    tx.objectStore('parties').getAll(),
    tx.objectStore('purchases').getAll(),
    tx.objectStore('engagements').getAll(),
  ]);
  const since = interactionWindowStart(options.now);
  const byPartyAt = tx.objectStore('interactions').index('byPartyAt');
  const recent = await Promise.all(
    parties.map((party) =>
      byPartyAt.getAll(IDBKeyRange.bound([party.id, since, ''], [party.id, Infinity, ''])),
    ),
  );
  await tx.done;
  return dashboardFigures({
    parties: parties.map((p) => PartySchema.parse(p)),
    interactionTimes: recent.flat().map((interaction) => InteractionSchema.parse(interaction).at),
    purchases: purchases.map((p) => PurchaseSchema.parse(p)),
    engagements: engagements.map((e) => EngagementSchema.parse(e)),
    ...options,
  });
}
