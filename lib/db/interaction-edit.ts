import { describeIssues } from '../domain/issues';
import {
  InteractionPatchSchema,
  InteractionSchema,
  type Interaction,
  type InteractionPatch,
} from '../domain/interaction';
import { PartySchema, type Party } from '../domain/party';
import { err, ok, refusal, type Result } from '../domain/result';
import { inTransaction } from './in-transaction';
import type { RepositoryContext } from './party-repository';
import { PART_TX_STORES, recomputeLastContact } from './record-deletion';

/**
 * Corrects an interaction's type, direction, date or summary in one transaction;
 * a changed date moves the party's last contact and next check-in to the newest
 * interaction that now has.
 */
export async function updateInteraction(
  context: RepositoryContext,
  id: string,
  patch: InteractionPatch,
): Promise<Result<{ interaction: Interaction; party?: Party }>> {
  const parsed = InteractionPatchSchema.safeParse(patch);
  if (!parsed.success) return err({ code: 'invalid', message: describeIssues(parsed.error) });
  const { cadence } = await context.settings();
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(PART_TX_STORES, 'readwrite', { durability: 'strict' });
  return inTransaction(tx, async () => {
    const stored = await tx.objectStore('interactions').get(id);
    if (!stored) return err(refusal('not_found', 'error_interaction_gone'));
    const interaction = InteractionSchema.parse({ ...stored, ...parsed.data });
    await tx.objectStore('interactions').put(interaction);
    if (interaction.at === stored.at) return ok({ interaction });
    const owner = await tx.objectStore('parties').get(interaction.partyId);
    if (!owner) return ok({ interaction });
    const party = await recomputeLastContact(tx, PartySchema.parse(owner), '', now, cadence);
    return ok({ interaction, party });
  });
}
