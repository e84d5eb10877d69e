import {
  describeIssues,
  newId,
  newParty,
  PartyDraftSchema,
  type DomainError,
  type PartyDraft,
} from '../domain';
import type { RepositoryContext } from './party-repository';
import { inTransaction } from './in-transaction';
import { bucketOf, toSearchRow } from './search-row';

export interface BulkProgress {
  done: number;
  total: number;
}

export interface BulkOutcome {
  created: number;
  /** Rows whose email or phone was already on file (or earlier in the same batch). */
  duplicates: number;
  /** Rows that could not be read, by their position in the input. */
  rejected: { index: number; error: DomainError }[];
  /** True when the signal stopped the import; every chunk before it is stored. */
  cancelled: boolean;
}

/**
 * Creates many parties in chunked transactions: each chunk is all-or-nothing, the
 * book stays usable between chunks, and cancelling stops before the next chunk.
 * Bulk writes use `relaxed` durability (the user can re-run an import; a single
 * user write is `strict`). Duplicates follow the same rule as one-at-a-time
 * creation: a matching normalised email or phone keeps the existing record.
 */
export async function importParties(
  context: RepositoryContext,
  drafts: readonly PartyDraft[],
  options: {
    chunkSize?: number;
    signal?: AbortSignal;
    onProgress?: (progress: BulkProgress) => void;
  } = {},
): Promise<BulkOutcome> {
  const chunkSize = options.chunkSize ?? 2000;
  const { region, cadence } = await context.settings();
  const outcome: BulkOutcome = { created: 0, duplicates: 0, rejected: [], cancelled: false };
  const db = await context.getDb();

  for (let start = 0; start < drafts.length; start += chunkSize) {
    if (options.signal?.aborted) return { ...outcome, cancelled: true };
    const tx = db.transaction(['parties', 'searchBuckets'], 'readwrite', { durability: 'relaxed' });
    await inTransaction(tx, async () => {
      const parties = tx.objectStore('parties');
      const buckets = new Map(
        (await tx.objectStore('searchBuckets').getAll()).map((b) => [b.bucket, b]),
      );
      const now = context.clock();
      const seen = new Set<string>();

      for (let index = start; index < Math.min(start + chunkSize, drafts.length); index++) {
        const parsed = PartyDraftSchema.safeParse(drafts[index]);
        if (!parsed.success) {
          outcome.rejected.push({
            index,
            error: { code: 'invalid', message: describeIssues(parsed.error) },
          });
          continue;
        }
        const built = newParty(parsed.data, { id: newId(), now, region, cadence });
        if (!built.ok) {
          outcome.rejected.push({ index, error: built.error });
          continue;
        }
        const party = built.value;
        const keys = [...party.emails.map((e) => `e:${e}`), ...party.phones.map((p) => `p:${p}`)];
        if (
          keys.some((key) => seen.has(key)) ||
          (await isOnFile(parties, party.emails, party.phones))
        ) {
          outcome.duplicates++;
          continue;
        }
        keys.forEach((key) => seen.add(key));
        void parties.add(party);
        const bucket = bucketOf(party.id);
        const current = buckets.get(bucket) ?? { bucket, rows: {} };
        current.rows[party.id] = toSearchRow(party);
        buckets.set(bucket, current);
        outcome.created++;
      }
      for (const bucket of buckets.values()) void tx.objectStore('searchBuckets').put(bucket);
    });
    options.onProgress?.({
      done: Math.min(start + chunkSize, drafts.length),
      total: drafts.length,
    });
  }
  return outcome;
}

async function isOnFile(
  parties: { index(name: 'byEmail' | 'byPhone'): { count(key: string): Promise<number> } },
  emails: readonly string[],
  phones: readonly string[],
): Promise<boolean> {
  for (const email of emails) if ((await parties.index('byEmail').count(email)) > 0) return true;
  for (const phone of phones) if ((await parties.index('byPhone').count(phone)) > 0) return true;
  return false;
}
