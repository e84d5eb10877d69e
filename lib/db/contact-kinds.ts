import { z } from 'zod';
import { IdSchema } from '../domain/ids';
import { lazy } from '../domain/lazy';
import {
  RELATIONSHIP_KINDS,
  RelationshipKindSchema,
  type RelationshipKind,
} from '../domain/relationship';
import { META_KEY, STALE_KEY } from '../search/projection-format';
import type { ClienteleDb } from './open';
import { readByContacts, type ContactLookup, type PartyKind } from './party-repository';
import { readAllBuckets } from './search-projection';
import { ProjectionMetaSchema } from './search-row';

/*
 * Which record, and of which kind, holds each address and phone on file, for a page's
 * highlights. One index read per address costs ~0.1 ms, so a page of 1,000 addresses
 * took over 100 ms; the search projection already holds every row's id, kind,
 * addresses and phones, in about 130 values read in a few reads. So the answer is
 * kept in memory, as read from the projection, for as long as the projection's stamp
 * is the one stored: every write to the parties rewrites the projection in the same
 * transaction under a new stamp (search-projection.ts; a write that leaves a party's
 * kind, addresses and phones as they were may skip it), so a stamp that still matches
 * means nothing has changed since. The stamp is read in the lookup's own transaction,
 * so a write from any context (background, a page) is seen. A worker that is stopped
 * loses the map and reads it again after the next big lookup. Small lookups (a page
 * with a few addresses) read the indexes: that is quicker than reading the projection.
 */

interface KindsOnFile {
  stamp: string;
  byEmail: Map<string, PartyKind>;
  byPhone: Map<string, PartyKind>;
}

/** Per open database: a new connection (a deleted and recreated database) starts empty. */
const onFile = new WeakMap<object, KindsOnFile>();

/**
 * From this many addresses and phones, a lookup answers from the map when it is up to
 * date; below it, it reads the indexes, as a few index reads take less than a
 * millisecond and a single lookup stays within its 2 ms whatever the map's state.
 */
export const READ_PROJECTION_FROM = 100;

const KINDS = new Set<string>(RELATIONSHIP_KINDS);

/**
 * Which of these normalised addresses and E.164 phones belong to a party, and its
 * kind: the same answer as reading the email and phone indexes, from memory when the
 * lookup is big and the projection has not changed since it was last read. A big
 * lookup that finds the map out of date reads the indexes, and has the map read again
 * after it (refreshKinds), so that it alone does not wait for the whole projection.
 */
export async function findKindsByContacts(
  db: ClienteleDb,
  lookup: ContactLookup,
): Promise<{ byEmail: Map<string, PartyKind>; byPhone: Map<string, PartyKind> }> {
  if (sizeOf(lookup) < READ_PROJECTION_FROM)
    return readByContacts(db.transaction('parties', 'readonly'), lookup, asPartyKind);
  const tx = db.transaction(['parties', 'searchBuckets'], 'readonly');
  const stamp = await stampOf(tx.objectStore('searchBuckets'));
  const known = onFile.get(db);
  if (stamp === undefined || known?.stamp !== stamp) {
    const answer = await readByContacts(tx, lookup, asPartyKind);
    if (stamp !== undefined) void refreshKinds(db);
    return answer;
  }
  const answer = { byEmail: new Map<string, PartyKind>(), byPhone: new Map<string, PartyKind>() };
  for (const email of lookup.emails ?? []) {
    const found = known.byEmail.get(email);
    if (found) answer.byEmail.set(email, found);
  }
  for (const phone of lookup.phones ?? []) {
    const found = known.byPhone.get(phone);
    if (found) answer.byPhone.set(phone, found);
  }
  return answer;
}

const refreshing = new WeakMap<object, Promise<void>>();

/**
 * Reads the projection into the map, in one read transaction (its stamp and rows as
 * of one moment), unless it is up to date or being read already. Never fails: a
 * projection that is stale or does not parse leaves the map as it was, and lookups
 * read the indexes.
 */
export function refreshKinds(db: ClienteleDb): Promise<void> {
  const pending = refreshing.get(db);
  if (pending) return pending;
  const run = (async () => {
    const projection = db.transaction('searchBuckets', 'readonly').store;
    const stamp = await stampOf(projection);
    if (stamp === undefined || onFile.get(db)?.stamp === stamp) return;
    const known = await readKinds(projection, stamp);
    if (known) onFile.set(db, known);
  })()
    .catch(() => undefined)
    .finally(() => refreshing.delete(db));
  refreshing.set(db, run);
  return run;
}

/** The projection's stamp, or undefined when it has none or is marked stale. */
async function stampOf(projection: {
  get(key: number): Promise<unknown>;
  getKey(key: number): Promise<unknown>;
}): Promise<string | undefined> {
  const [meta, stale] = await Promise.all([projection.get(META_KEY), projection.getKey(STALE_KEY)]);
  const parsed = ProjectionMetaSchema.safeParse(meta);
  return parsed.success && stale === undefined ? parsed.data.stamp : undefined;
}

function sizeOf(lookup: ContactLookup): number {
  return (lookup.emails?.length ?? 0) + (lookup.phones?.length ?? 0);
}

/**
 * A stored record read for its id and kind alone: the whole-record check would cost
 * about 8 ms of a 1,000-address batch, and nothing else of it goes to the page. The
 * two fields' own schemas, not PartySchema's pick: a worker just started would build
 * the whole record's schema for the first lookup.
 */
const PartyKindSchema = lazy(() => z.object({ id: IdSchema, kind: RelationshipKindSchema }));
const asPartyKind = (value: unknown): PartyKind => PartyKindSchema.parse(value);

/**
 * Every row's addresses and phones from the projection (each bucket parsed with its
 * schema, readAllBuckets), or undefined when it is marked stale or does not parse:
 * the lookup then reads the indexes.
 */
async function readKinds(
  projection: Parameters<typeof readAllBuckets>[0],
  stamp: string,
): Promise<KindsOnFile | undefined> {
  let buckets;
  try {
    buckets = await readAllBuckets(projection);
  } catch {
    return undefined;
  }
  if (!buckets) return undefined;
  const byEmail = new Map<string, PartyKind>();
  const byPhone = new Map<string, PartyKind>();
  // Two records never share an address or phone (creation, edit, import and merge
  // refuse it); should they, the index answers with the lower id, and so does this.
  const hold = (map: Map<string, PartyKind>, key: string, party: PartyKind) => {
    const held = map.get(key);
    if (!held || party.id < held.id) map.set(key, party);
  };
  for (const columns of buckets)
    for (let at = 0; at < columns.size; at++) {
      const kind = columns.kinds[at]!;
      if (!KINDS.has(kind)) return undefined;
      const party: PartyKind = { id: columns.ids[at]!, kind: kind as RelationshipKind };
      for (const email of words(columns.emails[at]!)) hold(byEmail, email, party);
      for (const phone of words(columns.phones[at]!)) hold(byPhone, phone, party);
    }
  return { stamp, byEmail, byPhone };
}

const words = (text: string) => (text === '' ? [] : text.split(' '));
