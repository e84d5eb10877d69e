// Bulk import: chunks parsed, deduplicated and written in overlapping transactions.
// It stays one module (over 300 lines) because the chunk pipeline — what the last
// chunk knew, the stamp that proves it still holds, retry and cancel — is one
// protocol; the pieces that stand alone live beside it (bucket-ids, import-owners).
import { unwrap, type IDBPTransaction } from 'idb';
import {
  describeIssues,
  newParty,
  PartyDraftSchema,
  PartySchema,
  type CadenceDefaults,
  type DomainError,
  type Party,
  type PartyDraft,
} from '../domain';
import { bucketOf, SEARCH_BUCKETS, type BucketColumns } from '../search/projection-format';
import { idsSharingABucket } from './bucket-ids';
import { batchPart, type BatchTag } from './import-batch';
import { Owners } from './import-owners';
import type { ClienteleDb } from './open';
import type { RepositoryContext } from './party-repository';
import type { ClienteleSchema } from './schema';
import {
  newStamp,
  readAllBuckets,
  readBucket,
  readStamp,
  validParties,
  writeBuckets,
  type ProjectionStore,
} from './search-projection';
import { projectedRow } from './search-row';

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
  /** With `merge`: rows whose email or phone was on file, folded into that record. */
  merged?: number;
}

export interface BulkOptions {
  chunkSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: BulkProgress) => void;
  /**
   * When given, a row matching a record on file (or an earlier row) is merged into
   * it with this rule instead of being skipped; `merged` counts them.
   */
  merge?: (onFile: Party, incoming: Party) => Party;
  /**
   * When given, each chunk records what it added and merged as a part of this
   * import batch, in the chunk's own transaction (lib/db/import-batch.ts).
   */
  batch?: BatchTag;
}

/**
 * Creates many parties in chunked transactions: each chunk is all-or-nothing, with
 * its search rows; the book stays usable between chunks, and cancelling stops the
 * import at the chunk being written. Duplicates follow the same rule as creating
 * one at a time: a matching normalised email or phone keeps the record on file
 * (or, with `merge`, takes the row into it).
 *
 * Nearly as fast as bare puts, because:
 * - rows are parsed and normalised outside the transactions, while the chunk
 *   before is being written;
 * - duplicates are found in memory, among the addresses and phones the search
 *   projection holds, not by one index lookup per address (each as slow as a
 *   put); what was learnt is kept between chunks and imports for as long as no
 *   other write has touched the projection (its stamp says so);
 * - a chunk whose rows match nothing on file is written without waiting for the
 *   chunk before to commit: it checks, first thing in its transaction, that the
 *   stamp is the one that chunk wrote, and is redone otherwise;
 * - a chunk's new parties get ids in one projection bucket, so a chunk rewrites
 *   one bucket rather than all of them;
 * - `relaxed` durability (an import can be run again; a single user write is `strict`).
 */
export async function importParties(
  context: RepositoryContext,
  drafts: readonly PartyDraft[],
  options: BulkOptions = {},
): Promise<BulkOutcome> {
  const chunkSize = Math.max(1, options.chunkSize ?? 1000);
  const { region, cadence } = await context.settings();
  const db = await context.getDb();
  const outcome: BulkOutcome = { created: 0, duplicates: 0, rejected: [], cancelled: false };
  if (options.merge) outcome.merged = 0;
  const chunk = { merge: options.merge, signal: options.signal };
  const partOf = (start: number) =>
    options.batch && {
      tag: { ...options.batch, offset: options.batch.offset + start },
      at: context.clock(),
    };

  const build = (start: number) =>
    buildChunk(drafts, start, Math.min(start + chunkSize, drafts.length), {
      now: context.clock(),
      region,
      cadence,
      rejected: outcome.rejected,
      // New rows go where there are fewest, so a chunk rewrites little besides them.
      bucket: smallestBucket(knownOwners.get(db)?.sizes),
    });
  /** Counts a settled chunk; false when the import stops there (cancelled). */
  const tally = async (written: Written, built: Party[], start: number): Promise<boolean> => {
    let result = await written.settled;
    // Something else wrote between chunks: this one is done again, knowing that.
    while (result === 'retry') {
      const again = startChunk(db, built, { ...chunk, part: partOf(start), careful: true });
      await again.issued;
      result = await again.settled;
    }
    if (result === 'cancelled') return false;
    outcome.created += result.created;
    outcome.duplicates += result.duplicates;
    if (options.merge) outcome.merged = (outcome.merged ?? 0) + result.merged;
    options.onProgress?.({
      done: Math.min(start + chunkSize, drafts.length),
      total: drafts.length,
    });
    return true;
  };

  // A chunk is written ahead of the one being committed, so neither this thread nor
  // the database waits on the other.
  const inFlight: { written: Written; built: Party[]; start: number }[] = [];
  let stopped = false;
  const countOldest = async () => {
    const oldest = inFlight[0]!;
    const counted = await tally(oldest.written, oldest.built, oldest.start);
    inFlight.shift();
    stopped ||= !counted;
  };
  try {
    let next = drafts.length > 0 ? build(0) : [];
    for (let start = 0; start < drafts.length && !stopped; start += chunkSize) {
      if (options.signal?.aborted) {
        stopped = true;
        break;
      }
      const written = startChunk(db, next, { ...chunk, part: partOf(start) });
      inFlight.push({ written, built: next, start });
      await written.issued;
      // The next chunk is parsed and normalised while the ones before are written.
      if (start + chunkSize < drafts.length) next = build(start + chunkSize);
      while (inFlight.length > IN_FLIGHT && !stopped) await countOldest();
    }
    // The chunks still in flight commit, or see the cancellation and give up.
    while (inFlight.length > 0) await countOldest();
    return stopped ? { ...outcome, cancelled: true } : outcome;
  } finally {
    // A chunk failed: those still in flight are not kept.
    for (const { written } of inFlight) written.abort();
  }
}

/**
 * How many chunks an import writes ahead of the one being committed. One keeps the
 * database busy; more made no import faster (bench/import.mjs) and kept readers
 * waiting longer.
 */
const IN_FLIGHT = 1;

/** Parses and normalises drafts[start, end) into parties; the unreadable go to `rejected`. */
function buildChunk(
  drafts: readonly PartyDraft[],
  start: number,
  end: number,
  context: {
    now: number;
    region: string;
    cadence: CadenceDefaults;
    rejected: BulkOutcome['rejected'];
    bucket: number | undefined;
  },
): Party[] {
  const ids = idsSharingABucket(end - start, context.bucket);
  const built: Party[] = [];
  for (let index = start; index < end; index++) {
    const parsed = PartyDraftSchema.safeParse(drafts[index]);
    if (!parsed.success) {
      context.rejected.push({
        index,
        error: { code: 'invalid', message: describeIssues(parsed.error) },
      });
      continue;
    }
    const party = newParty(parsed.data, { ...context, id: ids[index - start]! });
    if (party.ok) built.push(party.value);
    else context.rejected.push({ index, error: party.error });
  }
  return built;
}

/**
 * What an import knows of the projection — who holds which address and phone, and
 * how many rows each bucket has — as of the stamp that the chunk written last (in
 * this worker) writes, per open database. Any other write changes the stamp, and
 * the next chunk reads it all afresh.
 */
interface Known {
  stamp: string;
  owners: Owners;
  sizes: Int32Array;
}
const knownOwners = new WeakMap<object, Known>();

/** The bucket with the fewest rows, or none to choose from. */
function smallestBucket(sizes: Int32Array | undefined): number | undefined {
  if (!sizes) return undefined;
  let smallest = 0;
  for (let bucket = 1; bucket < sizes.length; bucket++)
    if (sizes[bucket]! < sizes[smallest]!) smallest = bucket;
  return smallest;
}

interface ChunkCounts {
  created: number;
  merged: number;
  duplicates: number;
}

interface Written {
  /** Resolves once every write of the chunk is issued. */
  issued: Promise<void>;
  /** The counts once committed; `retry` when it had to be given up unwritten. */
  settled: Promise<ChunkCounts | 'retry' | 'cancelled'>;
  /** Gives the chunk up, unless it has committed already. */
  abort(): void;
}

type ImportTx = IDBPTransaction<
  ClienteleSchema,
  ('parties' | 'searchBuckets' | 'importBatches')[],
  'readwrite'
>;

/**
 * Writes one chunk in its own transaction, with its new parties' bucket of the
 * projection and a new projection stamp.
 *
 * When the owners known from the chunk before are enough to decide every row
 * (nothing to merge with a record on file), the rows are put at once, before the
 * chunk before has committed; the transaction then checks that the stored stamp
 * is the one that chunk wrote, and gives up (`retry`) otherwise. Else it reads
 * first, as any transaction would.
 */
function startChunk(
  db: ClienteleDb,
  built: readonly Party[],
  options: {
    merge: BulkOptions['merge'];
    signal?: AbortSignal;
    careful?: boolean;
    part?: { tag: BatchTag; at: number } | undefined;
  },
): Written {
  const tx: ImportTx = db.transaction(['parties', 'searchBuckets', 'importBatches'], 'readwrite', {
    durability: 'relaxed',
  });
  tx.done.catch(() => undefined);
  const abort = () => {
    try {
      tx.abort();
    } catch {
      // Committed, or aborted already.
    }
  };
  const stamp = newStamp();
  // Reads first: requests run in order, and these would otherwise wait behind the puts.
  const own = built[0] ? bucketOf(built[0].id) : undefined;
  const ownRead = own === undefined ? undefined : readBucket(projectionOf(tx), own);
  ownRead?.catch(() => undefined);
  const storedStamp = readStamp(projectionOf(tx));
  storedStamp.catch(() => undefined);

  const known = options.careful ? undefined : knownOwners.get(db);
  const speculate =
    known !== undefined &&
    (!options.merge || built.every((party) => known.owners.of(party) === undefined));
  let issued: () => void = () => undefined;
  const issuedPromise = new Promise<void>((resolve) => (issued = resolve));
  const putAll = (changed: Map<string, Party>, onFile: ReadonlyMap<string, Party>) => {
    // The bare store: no promise per request (a failed put aborts the transaction,
    // which fails `done`), which at 50,000 puts is a good part of the time.
    const parties = unwrap(tx.objectStore('parties'));
    for (const party of changed.values()) parties.put(party);
    // The batch's part commits with the rows, or neither does.
    if (options.part)
      unwrap(tx.objectStore('importBatches')).put(
        batchPart(options.part.tag, options.part.at, changed, onFile),
      );
  };

  const settled = (async (): Promise<ChunkCounts | 'retry' | 'cancelled'> => {
    let decided: { counts: ChunkCounts; changed: Map<string, Party> };
    let buckets: BucketColumns[];
    if (speculate) {
      // Decided on the owners the chunk before left, and put before it has committed.
      decided = decide(built, known.owners, new Map(), options.merge);
      putAll(decided.changed, new Map());
      // Every new row is in the chunk's own bucket (buildChunk).
      if (own !== undefined) known.sizes[own]! += decided.counts.created;
      knownOwners.set(db, { ...known, stamp });
      issued();
      if ((await storedStamp) !== known.stamp) {
        abort();
        return 'retry';
      }
      buckets = await readTouched(tx, decided.changed, own, ownRead);
      if (options.signal?.aborted) {
        abort();
        return 'cancelled';
      }
    } else {
      knownOwners.delete(db);
      const { owners, sizes } =
        known && (await storedStamp) === known.stamp ? known : await readOwners(tx);
      const onFile = options.merge ? await readOnFile(tx, built, owners) : new Map<string, Party>();
      decided = decide(built, owners, onFile, options.merge);
      buckets = await readTouched(tx, decided.changed, own, ownRead);
      if (options.signal?.aborted) {
        abort();
        return 'cancelled';
      }
      putAll(decided.changed, onFile);
      for (const columns of buckets) sizes[columns.bucket] = columns.size;
      knownOwners.set(db, { stamp, owners, sizes });
    }
    writeBuckets(projectionOf(tx), buckets, stamp);
    issued();
    await tx.done;
    return decided.counts;
  })();
  // However it ends — written, given up or failed — nothing more will be issued.
  settled.then(issued, () => {
    knownOwners.delete(db);
    abort();
    issued();
  });
  return { issued: issuedPromise, settled, abort };
}

/** The projection's store in an import transaction, as the projection's functions take it. */
const projectionOf = (tx: ImportTx): ProjectionStore => tx.objectStore('searchBuckets');

/** Which rows are new, merged or duplicates; the owners learn the chunk's rows. */
function decide(
  built: readonly Party[],
  owners: Owners,
  onFile: ReadonlyMap<string, Party>,
  merge: BulkOptions['merge'],
): { counts: ChunkCounts; changed: Map<string, Party> } {
  const changed = new Map<string, Party>();
  const counts: ChunkCounts = { created: 0, merged: 0, duplicates: 0 };
  for (const party of built) {
    const matchId = owners.of(party);
    if (matchId !== undefined && !merge) {
      counts.duplicates++;
      continue;
    }
    const target =
      matchId === undefined ? undefined : (changed.get(matchId) ?? onFile.get(matchId));
    const stored = target && merge ? merge(target, party) : party;
    if (stored === party) counts.created++;
    else counts.merged++;
    changed.set(stored.id, stored);
    // A new record matched nothing: its addresses and phones are its own.
    if (stored === party) owners.claim(stored.emails, stored.phones, stored.id);
    else owners.learn(stored.emails, stored.phones, stored.id);
  }
  return { counts, changed };
}

/** The records on file that any row of the chunk may be merged into, read at once. */
async function readOnFile(
  tx: ImportTx,
  built: readonly Party[],
  owners: Owners,
): Promise<Map<string, Party>> {
  const ids = new Set<string>();
  for (const party of built) {
    // Each address and phone on its own: a row may match several records.
    for (const email of party.emails) {
      const id = owners.of({ emails: [email], phones: [] });
      if (id !== undefined) ids.add(id);
    }
    for (const phone of party.phones) {
      const id = owners.of({ emails: [], phones: [phone] });
      if (id !== undefined) ids.add(id);
    }
  }
  const parties = tx.objectStore('parties');
  const onFile = new Map<string, Party>();
  for (const stored of await Promise.all([...ids].map((id) => parties.get(id))))
    if (stored) {
      const party = PartySchema.parse(stored);
      onFile.set(party.id, party);
    }
  return onFile;
}

/** The buckets of the changed rows, read (the new parties' one was already) and updated. */
async function readTouched(
  tx: ImportTx,
  changed: Map<string, Party>,
  own: number | undefined,
  ownRead: Promise<BucketColumns> | undefined,
): Promise<BucketColumns[]> {
  const byBucket = new Map<number, Party[]>();
  for (const party of changed.values()) {
    const bucket = bucketOf(party.id);
    const rows = byBucket.get(bucket);
    if (rows) rows.push(party);
    else byBucket.set(bucket, [party]);
  }
  const buckets = await Promise.all(
    [...byBucket.keys()].map((bucket) =>
      bucket === own && ownRead ? ownRead : readBucket(projectionOf(tx), bucket),
    ),
  );
  for (const columns of buckets)
    for (const party of byBucket.get(columns.bucket)!) columns.set(projectedRow(party));
  return buckets;
}

/**
 * Every address and phone on file, with its record's id: from the search
 * projection (two reads), or from the parties themselves when the projection is
 * marked stale or does not parse.
 */
async function readOwners(tx: ImportTx): Promise<Omit<Known, 'stamp'>> {
  const sizes = new Int32Array(SEARCH_BUCKETS);
  try {
    const buckets = await readAllBuckets(tx.objectStore('searchBuckets'));
    if (buckets) {
      const read = new Owners();
      for (const columns of buckets) {
        sizes[columns.bucket] = columns.size;
        for (let i = 0; i < columns.size; i++)
          read.learn(words(columns.emails[i]!), words(columns.phones[i]!), columns.ids[i]!);
      }
      return { owners: read, sizes };
    }
  } catch (error) {
    console.warn(
      'Clientele: the search projection is unreadable; duplicates are found from the records.',
      error,
    );
  }
  // Marked stale, or unreadable: from the records themselves.
  const owners = new Owners();
  sizes.fill(0);
  for (const party of validParties(await tx.objectStore('parties').getAll())) {
    owners.learn(party.emails, party.phones, party.id);
    sizes[bucketOf(party.id)]!++;
  }
  return { owners, sizes };
}

const words = (text: string) => (text === '' ? [] : text.split(' '));
