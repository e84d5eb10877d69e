import { EngagementSchema } from '../domain/engagement';
import { FollowUpSchema } from '../domain/follow-up';
import { PartySchema, type Party } from '../domain/party';
import { err, ok, type DomainError, type Result } from '../domain/result';
import { ServiceSchema } from '../domain/service';
import { BACKUP_STORES, TRANSFER_STORES } from '../transfer/backup-format';
import type { BackupRecords } from '../transfer/backup-records';
import { mergeParties } from '../domain/merge';
import { putRecentlyDeleted, type RestoreOutcome } from './backup-repository';
import { inTransaction } from './in-transaction';
import type { RepositoryContext } from './party-repository';
import { projectParties } from './search-projection';

/**
 * Merges a backup into a book that already has records, in one transaction:
 *
 * - a party is the same party when it has the same id, or shares a normalised email
 *   or an E.164 phone with one on file; the two are merged by `mergeParties` (newer
 *   single values win, every email, phone and tag is kept, older differing values
 *   go into the notes). Otherwise it is added with its own id.
 * - interactions, follow-ups, engagements and purchases follow their party to the
 *   id it has on file. A record already on file (same id — or, for interactions, the
 *   same request id, which is the same logged touch) is not written twice; for
 *   services and engagements the one changed last (`updatedAt`) is kept, and a
 *   follow-up done in either book stays done.
 */
export async function restoreMerge(
  context: RepositoryContext,
  records: BackupRecords,
): Promise<Result<RestoreOutcome>> {
  const { cadence } = await context.settings();
  const db = await context.getDb();
  const tx = db.transaction([...TRANSFER_STORES, 'searchBuckets'], 'readwrite', {
    durability: 'strict',
  });
  try {
    return await inTransaction(tx, async (): Promise<Result<RestoreOutcome>> => {
      const outcome = Object.fromEntries(
        BACKUP_STORES.map((s) => [s, { added: 0, merged: 0, skipped: 0 }]),
      ) as RestoreOutcome;
      const parties = tx.objectStore('parties');
      const partyIds = new Map<string, string>();
      const touched = new Map<string, Party>();

      for (const incoming of records.parties) {
        const existing = await findSameParty(parties, incoming);
        if (existing) {
          const result = mergeParties(PartySchema.parse(existing), incoming, {
            keep: 'newer',
            cadence,
          });
          // A merge that would lose notes refuses: the whole restore is undone, and says why.
          if (!result.ok) throw new MergeRefused(result.error);
          const merged = result.value;
          await parties.put(merged);
          touched.set(merged.id, merged);
          partyIds.set(incoming.id, merged.id);
          outcome.parties.merged++;
        } else {
          await parties.add(incoming);
          touched.set(incoming.id, incoming);
          partyIds.set(incoming.id, incoming.id);
          outcome.parties.added++;
        }
      }
      const toParty = (id: string) => partyIds.get(id) ?? id;

      // Links between parties follow them to their ids on file.
      for (const party of touched.values()) {
        if (
          party.organizationId === undefined ||
          toParty(party.organizationId) === party.organizationId
        )
          continue;
        const relinked = { ...party, organizationId: toParty(party.organizationId) };
        await parties.put(relinked);
        touched.set(party.id, relinked);
      }

      const interactions = tx.objectStore('interactions');
      for (const interaction of records.interactions) {
        const known =
          (await interactions.get(interaction.id)) ??
          (await interactions.index('byRequestId').get(interaction.requestId));
        if (known) {
          outcome.interactions.skipped++;
          continue;
        }
        await interactions.add({ ...interaction, partyId: toParty(interaction.partyId) });
        outcome.interactions.added++;
      }

      const followUps = tx.objectStore('followUps');
      for (const followUp of records.followUps) {
        const remapped = { ...followUp, partyId: toParty(followUp.partyId) };
        const known = await followUps.get(followUp.id);
        if (!known) {
          await followUps.add(remapped);
          outcome.followUps.added++;
        } else if (FollowUpSchema.parse(known).status === 'open' && followUp.status === 'done') {
          await followUps.put({ ...remapped, partyId: known.partyId });
          outcome.followUps.merged++;
        } else outcome.followUps.skipped++;
      }

      const services = tx.objectStore('services');
      for (const service of records.services) {
        const known = await services.get(service.id);
        if (!known) {
          await services.add(service);
          outcome.services.added++;
        } else if (service.updatedAt > ServiceSchema.parse(known).updatedAt) {
          await services.put(service);
          outcome.services.merged++;
        } else outcome.services.skipped++;
      }

      const engagements = tx.objectStore('engagements');
      for (const engagement of records.engagements) {
        const remapped = { ...engagement, partyId: toParty(engagement.partyId) };
        const known = await engagements.get(engagement.id);
        if (!known) {
          await engagements.add(remapped);
          outcome.engagements.added++;
        } else if (engagement.updatedAt > EngagementSchema.parse(known).updatedAt) {
          await engagements.put({ ...remapped, partyId: known.partyId });
          outcome.engagements.merged++;
        } else outcome.engagements.skipped++;
      }

      const purchases = tx.objectStore('purchases');
      for (const purchase of records.purchases) {
        if (await purchases.get(purchase.id)) {
          outcome.purchases.skipped++;
          continue;
        }
        await purchases.add({ ...purchase, partyId: toParty(purchase.partyId) });
        outcome.purchases.added++;
      }

      // The backup's undo list joins this book's; an undo checks for clashes when used.
      putRecentlyDeleted(tx, records);
      await projectParties(tx, touched.values());
      return ok(outcome);
    });
  } catch (error) {
    if (error instanceof MergeRefused) return err(error.refusal);
    throw error;
  }
}

/** Thrown inside the transaction, so that it aborts; answered outside it as a refusal. */
class MergeRefused extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.message.code);
  }
}

type PartyStore = {
  get(id: string): Promise<Party | undefined>;
  index(name: 'byEmail' | 'byPhone'): { get(key: string): Promise<Party | undefined> };
};

async function findSameParty(parties: PartyStore, incoming: Party): Promise<Party | undefined> {
  const byId = await parties.get(incoming.id);
  if (byId) return byId;
  for (const email of incoming.emails) {
    const found = await parties.index('byEmail').get(email);
    if (found) return found;
  }
  for (const phone of incoming.phones) {
    const found = await parties.index('byPhone').get(phone);
    if (found) return found;
  }
  return undefined;
}
