import { nextCheckIn } from '../domain/cadence';
import { changeKind } from '../domain/lifecycle';
import { withoutUndefined } from '../domain/new-party';
import { PartySchema, type Party } from '../domain/party';
import type { RelationshipKind } from '../domain/relationship';
import { err, ok, refusal, type Result } from '../domain/result';
import { newEntry } from './deletion-repository';
import { inTransaction } from './in-transaction';
import type { RepositoryContext } from './party-repository';
import { projectParties } from './search-projection';
import { uiText, type UiText } from '../domain/ui-text';

/** What one bulk change did to the selection, and the entry that takes it back. */
export interface BulkChangeOutcome {
  entryId: string;
  label: UiText;
  changed: number;
  /** Selected parties the change did not alter (already of that kind, tag already there). */
  unchanged: number;
}

export type PartyChange =
  | { kind: 'kind'; to: RelationshipKind; reason?: string }
  | { kind: 'tag'; tag: string; add: boolean };

function apply(party: Party, change: PartyChange, now: number): Party {
  if (change.kind === 'kind') return changeKind(party, change.to, now, change.reason);
  const has = party.tags.includes(change.tag);
  if (has === change.add) return party;
  const tags = change.add
    ? [...party.tags, change.tag]
    : party.tags.filter((t) => t !== change.tag);
  return { ...party, tags, updatedAt: now };
}

const describe = (change: PartyChange, count: number) =>
  change.kind === 'kind'
    ? uiText('undo_kind', { count, kind: change.to })
    : uiText(change.add ? 'undo_tag' : 'undo_untag', { count, tag: change.tag });

/**
 * Changes the kind (the reason kept in each party's history) or a tag of many
 * parties in one transaction, keeping each changed party as it was in an undo entry.
 */
export async function changeParties(
  context: RepositoryContext,
  partyIds: readonly string[],
  change: PartyChange,
  /** Cancels the change while it runs: the transaction aborts and nothing changes. */
  signal?: AbortSignal,
): Promise<Result<BulkChangeOutcome>> {
  const { cadence } = await context.settings();
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(['parties', 'searchBuckets', 'undoEntries'], 'readwrite', {
    durability: 'strict',
  });
  return inTransaction(
    tx,
    async (): Promise<Result<BulkChangeOutcome>> => {
      const parties = tx.objectStore('parties');
      const found = await Promise.all([...new Set(partyIds)].map((id) => parties.get(id)));
      const before: Party[] = [];
      const updated: Party[] = [];
      let unchanged = 0;
      for (const stored of found) {
        if (!stored) continue;
        const party = PartySchema.parse(stored);
        const moved = apply(party, change, now);
        if (moved === party) {
          unchanged++;
          continue;
        }
        before.push(party);
        updated.push(withoutUndefined({ ...moved, nextCheckInAt: nextCheckIn(moved, cadence) }));
      }
      if (before.length === 0 && unchanged === 0)
        return err(refusal('not_found', 'error_records_gone'));
      const label = describe(change, updated.length);
      const after = Object.fromEntries(updated.map((party) => [party.id, party.updatedAt]));
      const entry = newEntry(now, { action: 'change', label, before, after });
      for (const party of updated) void parties.put(party).catch(() => undefined);
      await projectParties(tx, updated);
      await tx.objectStore('undoEntries').put(entry);
      return ok({ entryId: entry.id, label, changed: updated.length, unchanged });
    },
    signal,
  );
}
