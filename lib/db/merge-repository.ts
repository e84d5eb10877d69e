import { nextCheckIn } from '../domain/cadence';
import { mergeParties, type MergeCounts } from '../domain/merge';
import { withoutUndefined } from '../domain/new-party';
import { PartySchema, type Party } from '../domain/party';
import { err, ok, refusal, type Result } from '../domain/result';
import { inTransaction } from './in-transaction';
import type { RepositoryContext } from './party-repository';
import { projectParty, unprojectParty } from './search-projection';

export interface MergeRequest {
  survivorId: string;
  absorbedId: string;
  /**
   * The records' `updatedAt` as the preview showed them: if either changed since,
   * the merge is refused, so what is written is what the user saw.
   */
  expected?: { survivorUpdatedAt: number; absorbedUpdatedAt: number };
}

export interface MergePreview {
  survivor: Party;
  absorbed: Party;
  /** The record as it will be after the merge. */
  merged: Party;
  moved: MergeCounts;
}

const range = (partyId: string) =>
  IDBKeyRange.bound([partyId, -Infinity, ''], [partyId, Infinity, '']);

/** What merging `absorbedId` into `survivorId` would give, without writing anything. */
export async function previewMerge(
  context: RepositoryContext,
  request: MergeRequest,
): Promise<Result<MergePreview>> {
  const { cadence } = await context.settings();
  const db = await context.getDb();
  const tx = db.transaction(
    ['parties', 'interactions', 'followUps', 'engagements', 'purchases'],
    'readonly',
  );
  const [survivor, absorbed] = await Promise.all([
    tx.objectStore('parties').get(request.survivorId),
    tx.objectStore('parties').get(request.absorbedId),
  ]);
  const counts = await Promise.all([
    tx.objectStore('interactions').index('byPartyAt').count(range(request.absorbedId)),
    tx.objectStore('followUps').index('byParty').count(request.absorbedId),
    tx.objectStore('engagements').index('byParty').count(request.absorbedId),
    tx.objectStore('purchases').index('byParty').count(request.absorbedId),
  ]);
  let members = 0;
  if (absorbed?.type === 'organization') {
    for await (const cursor of tx.objectStore('parties'))
      if (cursor.value.organizationId === request.absorbedId) members++;
  }
  await tx.done;
  if (!survivor || !absorbed) return err(refusal('not_found', 'error_merge_record_gone'));
  const [s, a] = [PartySchema.parse(survivor), PartySchema.parse(absorbed)];
  const merged = mergeParties(s, a, { keep: 'survivor', at: context.clock() });
  if (!merged.ok) return merged;
  const [interactions = 0, followUps = 0, engagements = 0, purchases = 0] = counts;
  return ok({
    survivor: s,
    absorbed: a,
    merged: withCheckIn(merged.value, cadence),
    moved: { interactions, followUps, engagements, purchases, members },
  });
}

/**
 * Merges two records in one transaction: the survivor takes everything the
 * absorbed record had (see `mergeParties`); its interactions, follow-ups,
 * engagements, purchases and the people linked to it are re-pointed at the
 * survivor; the absorbed record and its search row are removed. All or nothing.
 */
export async function mergeRecords(
  context: RepositoryContext,
  request: MergeRequest,
): Promise<Result<{ party: Party; moved: MergeCounts }>> {
  const { cadence } = await context.settings();
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(
    ['parties', 'interactions', 'followUps', 'engagements', 'purchases', 'searchBuckets'],
    'readwrite',
    { durability: 'strict' },
  );
  type Outcome = Result<{ party: Party; moved: MergeCounts }>;
  return inTransaction(tx, async (): Promise<Outcome> => {
    const parties = tx.objectStore('parties');
    const [storedSurvivor, storedAbsorbed] = await Promise.all([
      parties.get(request.survivorId),
      parties.get(request.absorbedId),
    ]);
    if (!storedSurvivor || !storedAbsorbed)
      return err(refusal('not_found', 'error_merge_record_gone'));
    const survivor = PartySchema.parse(storedSurvivor);
    const absorbed = PartySchema.parse(storedAbsorbed);
    const { expected } = request;
    if (
      expected &&
      (expected.survivorUpdatedAt !== survivor.updatedAt ||
        expected.absorbedUpdatedAt !== absorbed.updatedAt)
    )
      return err(refusal('conflict', 'error_merge_changed'));
    const merged = mergeParties(survivor, absorbed, { keep: 'survivor', at: now });
    if (!merged.ok) return merged;
    const party = withCheckIn(merged.value, cadence);

    const repoint = <T extends { partyId: string }>(record: T): T => ({
      ...record,
      partyId: survivor.id,
    });
    const interactions = await tx
      .objectStore('interactions')
      .index('byPartyAt')
      .getAll(range(absorbed.id));
    for (const record of interactions) await tx.objectStore('interactions').put(repoint(record));
    const followUps = await tx.objectStore('followUps').index('byParty').getAll(absorbed.id);
    for (const record of followUps) await tx.objectStore('followUps').put(repoint(record));
    const engagements = await tx.objectStore('engagements').index('byParty').getAll(absorbed.id);
    for (const record of engagements) await tx.objectStore('engagements').put(repoint(record));
    const purchases = await tx.objectStore('purchases').index('byParty').getAll(absorbed.id);
    for (const record of purchases) await tx.objectStore('purchases').put(repoint(record));

    let members = 0;
    if (absorbed.type === 'organization') {
      for await (const cursor of parties) {
        const member = cursor.value;
        if (member.organizationId !== absorbed.id || member.id === survivor.id) continue;
        const relinked = PartySchema.parse({
          ...member,
          organizationId: survivor.id,
          organizationName:
            member.organizationName === absorbed.name ? survivor.name : member.organizationName,
        });
        await cursor.update(relinked);
        await projectParty(tx, relinked);
        members++;
      }
    }

    await parties.delete(absorbed.id);
    await parties.put(party);
    await unprojectParty(tx, absorbed.id);
    await projectParty(tx, party);
    return ok({
      party,
      moved: {
        interactions: interactions.length,
        followUps: followUps.length,
        engagements: engagements.length,
        purchases: purchases.length,
        members,
      },
    });
  });
}

function withCheckIn(party: Party, cadence: Parameters<typeof nextCheckIn>[1]): Party {
  return PartySchema.parse(
    withoutUndefined({ ...party, nextCheckInAt: nextCheckIn(party, cadence) }),
  );
}
