import {
  emptyRecordSet,
  DELETABLE_STORES,
  type DeletableStore,
  type RecordSet,
} from './undo-entry';

/*
 * Reading everything that hangs off a set of parties, inside the caller's
 * transaction, for deleting them (and for the confirmation's counts). Bulk actions
 * read thousands of parties at once, so the cost is in the number of requests:
 *
 * - requests go straight to IndexedDB, with one promise for all of them rather than
 *   one per request (at 25,000 requests the promises cost more than the reads);
 * - each store is counted first, and read whole when that takes fewer record reads
 *   than one request per selected party would take requests: an empty store costs
 *   nothing, and a few hundred follow-ups are one read, not 5,000.
 */

/**
 * A store holding at most this many records per selected party is read whole. In
 * Chromium, one small request costs about as much as reading 1.5–2 records with
 * `getAll` (bench/delete.mjs, 5,000 parties).
 */
const WHOLE_STORE_RECORDS_PER_PARTY = 1.5;

/** The few store and index calls the reads make, on a plain IndexedDB transaction. */
export interface NativeReads {
  objectStore(name: string): IDBObjectStore;
}

/**
 * Resolves with every request's answer, in order, once the last has answered. Requests
 * of one transaction answer in the order they were made; a failed one rejects.
 */
export function answersOf<T>(requests: readonly IDBRequest<T>[]): Promise<T[]> {
  return new Promise((resolve, reject) => {
    if (requests.length === 0) return resolve([]);
    let waiting = requests.length;
    for (const request of requests) {
      request.addEventListener('success', () => {
        if (--waiting === 0) resolve(requests.map((answered) => answered.result));
      });
      request.addEventListener('error', () => reject(request.error ?? new Error('a read failed')));
    }
  });
}

/** Whether reading `count` records whole is cheaper than one request per party. */
export function readsWhole(count: number, parties: number): boolean {
  return count <= parties * WHOLE_STORE_RECORDS_PER_PARTY;
}

const partyRange = (partyId: string) =>
  IDBKeyRange.bound([partyId, -Infinity, ''], [partyId, Infinity, '']);

type Dealing = { id: string; partyId: string };

/** Per store read whole, the key of every record it holds, in key order. */
export type StoreKeys = Partial<Record<DeletableStore, string[]>>;

/**
 * One store's records of these parties, grouped by party; `keys` gets the store's
 * keys when it is read whole.
 */
async function dealingsOf(
  tx: NativeReads,
  store: Exclude<DeletableStore, 'parties'>,
  ids: readonly string[],
  count: number,
  keys: StoreKeys,
): Promise<Map<string, Dealing[]>> {
  const byParty = new Map<string, Dealing[]>();
  if (count === 0) return byParty;
  const target = tx.objectStore(store);
  if (readsWhole(count, ids.length)) {
    const wanted = new Set(ids);
    const [all] = await answersOf([target.getAll() as IDBRequest<Dealing[]>]);
    keys[store] = all!.map((record) => record.id);
    for (const record of all!) {
      if (!wanted.has(record.partyId)) continue;
      const list = byParty.get(record.partyId);
      if (list) list.push(record);
      else byParty.set(record.partyId, [record]);
    }
    // The order the per-party index reads give: interactions by date, the rest by id.
    if (store === 'interactions')
      for (const list of byParty.values())
        list.sort((a, b) => byDateThenId(a as never, b as never));
    return byParty;
  }
  const requests = ids.map(
    (id) =>
      (store === 'interactions'
        ? target.index('byPartyAt').getAll(partyRange(id))
        : target.index('byParty').getAll(id)) as IDBRequest<Dealing[]>,
  );
  const answers = await answersOf(requests);
  ids.forEach((id, i) => {
    if (answers[i]!.length > 0) byParty.set(id, answers[i]!);
  });
  return byParty;
}

function byDateThenId(a: { at: number; id: string }, b: { at: number; id: string }): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The parties with these ids that exist, and every interaction, follow-up,
 * engagement and purchase of theirs, exactly as stored; parties in the order asked.
 */
export async function readPartyRecords(
  tx: NativeReads,
  partyIds: readonly string[],
): Promise<RecordSet> {
  return (await readPartyRecordsAndKeys(tx, partyIds)).records;
}

/**
 * As readPartyRecords, and the keys of each store it read whole (`storeKeys`), so
 * that a deletion can remove neighbouring records by range (key-runs.ts).
 */
export async function readPartyRecordsAndKeys(
  tx: NativeReads,
  partyIds: readonly string[],
): Promise<{ records: RecordSet; storeKeys: StoreKeys }> {
  const ids = [...new Set(partyIds)];
  const set = emptyRecordSet();
  const storeKeys: StoreKeys = {};
  if (ids.length === 0) return { records: set, storeKeys };
  const counts = await answersOf(DELETABLE_STORES.map((store) => tx.objectStore(store).count()));
  const parties = tx.objectStore('parties');
  let found: (RecordSet['parties'][number] | undefined)[];
  if (readsWhole(counts[0]!, ids.length)) {
    const [all] = await answersOf([parties.getAll() as IDBRequest<RecordSet['parties']>]);
    storeKeys.parties = all!.map((party) => party.id);
    const byId = new Map(all!.map((party) => [party.id, party]));
    found = ids.map((id) => byId.get(id));
  } else {
    found = await answersOf(
      ids.map((id) => parties.get(id) as IDBRequest<RecordSet['parties'][number] | undefined>),
    );
  }
  for (const party of found) if (party) set.parties.push(party);
  // Only the parties that exist take their records with them.
  const present = set.parties.map((party) => party.id);
  const [interactions, followUps, engagements, purchases] = await Promise.all([
    dealingsOf(tx, 'interactions', present, counts[1]!, storeKeys),
    dealingsOf(tx, 'followUps', present, counts[2]!, storeKeys),
    dealingsOf(tx, 'engagements', present, counts[3]!, storeKeys),
    dealingsOf(tx, 'purchases', present, counts[4]!, storeKeys),
  ]);
  for (const id of present) {
    set.interactions.push(...((interactions.get(id) ?? []) as RecordSet['interactions']));
    set.followUps.push(...((followUps.get(id) ?? []) as RecordSet['followUps']));
    set.engagements.push(...((engagements.get(id) ?? []) as RecordSet['engagements']));
    set.purchases.push(...((purchases.get(id) ?? []) as RecordSet['purchases']));
  }
  return { records: set, storeKeys };
}
