// Over 300 lines: one round (send, pull, merge, hold imported parties) reads as one
// sequence; split, its ordering rules would live in several files. The rules that keep
// one card one record across devices are in card-identity.ts.
import { SyncFailure } from './backoff';
import { CardIdentity, movesParty } from './card-identity';
import {
  collectionOf,
  contentType,
  decode,
  encode,
  fileName,
  idOf,
  mergeRecords,
  type CodecContext,
  type SyncRecord,
} from './codecs';
import type { DavPort } from './dav-port';
import { pathOf, type Listed } from './dav-responses';
import type { FieldConflict } from './merge';
import { recordKey, sendOrder, type OutboxEntry, type RecordType } from './outbox';

/**
 * One sync round: send the outbox, then take in what changed on the server. Pure
 * of storage and network: both come in as ports, so the same engine runs against
 * IndexedDB and real servers, and against memory in the property test.
 */

/** The server's copy as last seen: where it lives, its ETag, and the base for merging. */
export interface SyncedState {
  key: string;
  type: RecordType;
  id: string;
  href: string;
  etag: string | undefined;
  base: SyncRecord;
  /** The object as the server had it, whose foreign properties are written back. */
  text: string;
}

export interface SyncStore {
  pending(): Promise<OutboxEntry[]>;
  /** Removes the entry only if it is still `entry` (no newer change since it was read). */
  acknowledge(entry: OutboxEntry): Promise<void>;
  read(type: RecordType, id: string): Promise<SyncRecord | undefined>;
  /** Writes a record the server had (no outbox entry), its synced state and what lost. */
  applyRemote(record: SyncRecord, state: SyncedState, kept: FieldConflict[]): Promise<void>;
  removeLocal(type: RecordType, id: string): Promise<void>;
  /**
   * The ids of the local parties whose `cardUid` (the UID of the card they were
   * imported from) is `uid`: another app's copy of that card, found on the server,
   * is such a party's, not a new one.
   */
  partiesWithCardUid(uid: string): Promise<string[]>;
  /** Moves a party to another id in one step (see PartyMove). */
  moveParty(move: PartyMove): Promise<void>;
  synced(key: string): Promise<SyncedState | undefined>;
  syncedIn(collection: 'addressbook' | 'calendar'): Promise<SyncedState[]>;
  saveSynced(state: SyncedState): Promise<void>;
  forgetSynced(key: string): Promise<void>;
  token(collection: string): Promise<string | undefined>;
  saveToken(collection: string, token: string): Promise<void>;
  /** A record deleted on one side and changed on the other was kept: flag it for the user. */
  flagKept?(type: RecordType, id: string, deletedOn: 'here' | 'server'): Promise<void>;
}

/**
 * One card held under two ids comes together under one. `record` is the party as it
 * now is, under the id it keeps. The party `fromId` goes, with its synced state and
 * its outbox entry, quietly: nothing is deleted on the server, where the card is one
 * object. Its interactions and follow-ups, and the people of an organisation, are
 * re-pointed at the kept id and queued, as their server copies name their party.
 */
export interface PartyMove {
  fromId: string;
  record: SyncRecord;
  /** The kept id's synced state (the server's copy of the card). */
  state: SyncedState;
  /** Values that lost the merge, kept in the record's history. */
  kept: FieldConflict[];
  /** Queue the kept party too: it holds what the server's copy lacks. */
  send: boolean;
}

export interface SyncTarget {
  addressbook: string;
  calendar: string;
  /** Whether the server answers sync-collection; if not, ETag listings are compared. */
  tokens: boolean;
}

export interface SyncRound {
  sent: number;
  received: number;
  deleted: number;
  conflicts: number;
}

const MAX_MERGES = 3;
const MULTIGET_CHUNK = 100;

export class SyncEngine {
  private readonly identity: CardIdentity;

  constructor(
    private readonly server: DavPort,
    private readonly store: SyncStore,
    private readonly target: SyncTarget,
    private readonly context: () => CodecContext,
  ) {
    this.identity = new CardIdentity(store);
  }

  async sync(): Promise<SyncRound> {
    const round: SyncRound = { sent: 0, received: 0, deleted: 0, conflicts: 0 };
    const held: Held = { entries: [], parties: new Set() };
    for (const entry of sendOrder(await this.store.pending())) await this.send(entry, round, held);
    const versions = await this.collectionVersions();
    for (const collection of ['addressbook', 'calendar'] as const) {
      const url = this.target[collection];
      const version = versions?.get(pathOf(url));
      // Unchanged since the last pull that completed: nothing to ask it. Held parties
      // always wait for a pull of the address book: it is what finds their server copy.
      const mustPull =
        version === undefined || (collection === 'addressbook' && held.entries.length > 0);
      if (mustPull || version !== (await this.store.token(versionKey(url)))) {
        await this.pull(collection, round);
        // The mark read before the pull: a change made during it shows as a new mark.
        if (version !== undefined) await this.store.saveToken(versionKey(url), version);
      }
      // Pulled first: an imported card the server already had now has its href and ETag.
      if (collection === 'addressbook')
        for (const entry of held.entries) await this.send(entry, round);
    }
    return round;
  }

  /**
   * Both collections' version marks in one request, when they share a parent (Radicale
   * keeps address books and calendars in one home): a round with nothing new is then
   * that one request. Where they live apart (Xandikos, Nextcloud and Baïkal keep a home
   * per kind) no single standard request covers both, and each is asked on its own.
   */
  private async collectionVersions(): Promise<Map<string, string> | undefined> {
    const parent = parentOf(this.target.addressbook);
    if (!this.server.versionsIn || parent !== parentOf(this.target.calendar)) return undefined;
    return this.server.versionsIn(parent);
  }

  /**
   * `held` collects what waits for the address book's pull: a party imported from a
   * card (it has a `cardUid`) that has never been synced may be on the server already,
   * put there by the app it came from. Created now, it would be a second copy (or a
   * UID conflict the server refuses); pulled first, it updates the server's copy. Its
   * dealings wait with it, so they never reach the server before their party.
   */
  private async send(entry: OutboxEntry, round: SyncRound, held?: Held): Promise<void> {
    if (entry.op === 'delete') return this.sendDeletion(entry, round);
    for (let attempt = 0; attempt < MAX_MERGES; attempt++) {
      const record = await this.store.read(entry.type, entry.id);
      // Gone here though its entry says put (removed by a path that queued no deletion,
      // or a dealing's put queued after its party went): the server's copy goes too,
      // or the other devices would keep a record this one no longer has.
      if (!record) return this.sendDeletion({ ...entry, op: 'delete' }, round);
      const current = await this.store.synced(entry.key);
      if (held && !current && waitsForPull(record, held.parties)) {
        held.entries.push(entry);
        return;
      }
      // Imported from a card this device already holds the server's copy of: one record.
      const copy = current ? undefined : await this.identity.syncedCopyOf(record);
      if (copy) {
        await this.identity.foldInto(copy, record, round);
        return this.sendQueued(copy.state.key, round);
      }
      const href = current?.href ?? this.hrefFor(entry.type, entry.id);
      const text = encode(record, current?.text, this.context(), await this.nameOf(record));
      const when = current?.etag ? { etag: current.etag } : { create: true as const };
      const put = await this.server.put(href, text, contentType(entry.type), when);
      if (put.status < 300) {
        await this.store.saveSynced({ ...stateOf(record, href, text), etag: put.etag });
        round.sent += 1;
        return this.store.acknowledge(entry);
      }
      if (put.status !== 412) throw failure(put.status);
      const movedTo = await this.mergeFromServer(entry.type, href, record, current, round);
      if (movedTo) return this.sendQueued(movedTo, round);
    }
    throw new SyncFailure('conflict', 412);
  }

  /** Sends what is queued for `key` now, if anything is (a record that just moved there). */
  private async sendQueued(key: string, round: SyncRound): Promise<void> {
    const entry = (await this.store.pending()).find((e) => e.key === key);
    if (entry) await this.send(entry, round);
  }

  private async sendDeletion(entry: OutboxEntry, round: SyncRound): Promise<void> {
    const state = await this.store.synced(entry.key);
    if (!state) return this.store.acknowledge(entry); // Never reached the server: nothing to undo.
    const status = await this.server.remove(state.href, state.etag);
    if (status === 412) {
      // Changed elsewhere since this device last saw it: kept, and it comes back.
      await this.store.acknowledge(entry);
      const id = await this.restore(state, round);
      await this.store.flagKept?.(entry.type, id ?? entry.id, 'here');
      return;
    }
    if (status >= 300 && status !== 404) throw failure(status);
    await this.store.forgetSynced(entry.key);
    round.sent += 1;
    return this.store.acknowledge(entry);
  }

  /** Takes the server's copy back in; the id it is now held under (another device may have moved it). */
  private async restore(state: SyncedState, round: SyncRound): Promise<string | undefined> {
    const collection = collectionOf(state.type);
    const url = this.target[collection];
    const [remote] = await this.server.fetchObjects(url, collection, [state.href]);
    round.conflicts += 1;
    if (!remote) return undefined;
    const known = new Map([[path(state.href), state]]);
    return this.takeIn(collection, remote.href, remote.etag, remote.data, known, round);
  }

  /**
   * After a 412: take the server's copy and merge it with ours; the send is then tried
   * again with its ETag. When the copy now names the party by another id (another
   * device adopted the card), the party moves there: the key to send is returned.
   */
  private async mergeFromServer(
    type: RecordType,
    href: string,
    local: SyncRecord,
    state: SyncedState | undefined,
    round: SyncRound,
  ): Promise<string | undefined> {
    const collection = collectionOf(type);
    const [remote] = await this.server.fetchObjects(this.target[collection], collection, [href]);
    if (!remote) {
      // Deleted on the server meanwhile: ours is kept and created again.
      if (state) {
        await this.store.forgetSynced(state.key);
        await this.store.flagKept?.(type, idOf(local), 'server');
      }
      round.conflicts += 1;
      return undefined;
    }
    const decoded = decode(collection, remote.data, this.context());
    if (!decoded.ok) throw new SyncFailure('server', 412);
    if (state && movesParty(state, decoded.record)) {
      const moved = { ...stateOf(decoded.record, href, remote.data), etag: remote.etag };
      await this.identity.moveIn(state, decoded.record, moved, round);
      return recordKey('party', idOf(decoded.record));
    }
    const merged = mergeRecords(state?.base, local, decoded.record);
    const remoteState = { ...stateOf(decoded.record, href, remote.data), etag: remote.etag };
    await this.store.applyRemote(merged.record, remoteState, merged.conflicts);
    if (merged.conflicts.length > 0) round.conflicts += 1;
    return undefined;
  }

  private async pull(collection: 'addressbook' | 'calendar', round: SyncRound): Promise<void> {
    const url = this.target[collection];
    const known = new Map((await this.store.syncedIn(collection)).map((s) => [path(s.href), s]));
    const { changed, deleted, token } = await this.listing(url, known);
    const stale = changed.filter((item) => known.get(path(item.href))?.etag !== item.etag);
    for (let i = 0; i < stale.length; i += MULTIGET_CHUNK) {
      const hrefs = stale.slice(i, i + MULTIGET_CHUNK).map((item) => item.href);
      for (const object of await this.server.fetchObjects(url, collection, hrefs))
        await this.takeIn(collection, object.href, object.etag, object.data, known, round);
    }
    for (const href of deleted) {
      const state = known.get(path(href));
      if (!state) continue;
      const pending = (await this.store.pending()).some((e) => e.key === state.key);
      // Deleted there, changed here since: kept, and sent again as a new object.
      if (pending) {
        await this.store.forgetSynced(state.key);
        await this.store.flagKept?.(state.type, state.id, 'server');
      } else await this.store.removeLocal(state.type, state.id);
      round.deleted += 1;
    }
    if (token !== undefined) await this.store.saveToken(url, token);
  }

  /** What changed in a collection since the last round, by token or by ETag listing. */
  private async listing(url: string, known: Map<string, SyncedState>) {
    if (!this.target.tokens) {
      const all = await this.server.listEtags(url);
      return { changed: all, deleted: missingFrom(known, all), token: undefined };
    }
    const since = await this.store.token(url);
    let answer = await this.server.changesSince(url, since ?? '');
    let full = !since;
    if (answer === 'invalid') {
      // The server forgot the token (expired, or its storage was reset): start over.
      answer = await this.server.changesSince(url, '');
      full = true;
    }
    if (answer === 'invalid') throw new SyncFailure('server');
    // A full listing names everything there is: what it leaves out is gone.
    const deleted = full ? missingFrom(known, answer.changed) : answer.deleted;
    return { changed: answer.changed, deleted, token: answer.token };
  }

  private async takeIn(
    collection: 'addressbook' | 'calendar',
    href: string,
    etag: string,
    data: string,
    known: Map<string, SyncedState>,
    round: SyncRound,
  ): Promise<string | undefined> {
    const decoded = decode(collection, data, this.context());
    if (!decoded.ok) return; // An object Clientele cannot read stays on the server untouched.
    const held = known.get(path(href));
    if (held && movesParty(held, decoded.record)) {
      const state = { ...stateOf(decoded.record, href, data), etag };
      const moved = await this.identity.moveIn(held, decoded.record, state, round);
      known.set(path(href), moved);
      return moved.id;
    }
    const adopted = held ? undefined : await this.identity.importedAs(decoded.record, data);
    const remote = adopted?.remote ?? decoded.record;
    const key = recordKey(remote.type, idOf(remote));
    const state = held ?? (await this.store.synced(key));
    const entry = (await this.store.pending()).find((e) => e.key === key);
    // Deleted here, changed there since: the change wins and the record is kept.
    if (entry?.op === 'delete') await this.store.acknowledge(entry);
    // An adopted card is merged with its record even when nothing is queued: the record
    // holds what the card does not (kind, history, dealings), and must keep it.
    const local =
      adopted?.local ??
      (entry?.op === 'put' ? await this.store.read(remote.type, idOf(remote)) : undefined);
    const merged = local
      ? mergeRecords(adopted?.base ?? state?.base, local, remote)
      : { record: remote, conflicts: [] };
    await this.store.applyRemote(
      merged.record,
      { ...stateOf(remote, href, data), etag },
      merged.conflicts,
    );
    round.received += 1;
    if (merged.conflicts.length > 0) round.conflicts += 1;
    if (entry?.op === 'delete') await this.store.flagKept?.(remote.type, idOf(remote), 'here');
    return idOf(remote);
  }

  private hrefFor(type: RecordType, id: string): string {
    return new URL(fileName(type, id), this.target[collectionOf(type)]).href;
  }

  private async nameOf(record: SyncRecord): Promise<string> {
    if (record.type === 'party') return record.value.party.name;
    const party = await this.store.read('party', record.value.partyId);
    return party?.type === 'party' ? party.value.party.name : 'a contact';
  }
}

/** What sync() holds back until the address book has been pulled (see send). */
interface Held {
  entries: OutboxEntry[];
  /** The ids of the parties held back, whose dealings wait with them. */
  parties: Set<string>;
}

function waitsForPull(record: SyncRecord, parties: Set<string>): boolean {
  if (record.type !== 'party') return parties.has(record.value.partyId);
  if (record.value.party.cardUid === undefined) return false;
  parties.add(record.value.party.id);
  return true;
}

function stateOf(record: SyncRecord, href: string, text: string): SyncedState {
  const id = idOf(record);
  return {
    key: recordKey(record.type, id),
    type: record.type,
    id,
    href,
    etag: undefined,
    base: record,
    text,
  };
}

const path = pathOf;

/** Kept beside the collection's sync token, and forgotten with it. */
function versionKey(collection: string): string {
  return `version:${collection}`;
}

/** The collection a collection sits in (a home), whether or not its URL ends in a slash. */
export function parentOf(collection: string): string {
  const url = new URL(collection);
  url.pathname = url.pathname.replace(/\/?$/, '/');
  return new URL('../', url).href;
}

function missingFrom(known: Map<string, SyncedState>, listed: Listed[]): string[] {
  const present = new Set(listed.map((item) => path(item.href)));
  return [...known.values()].map((s) => s.href).filter((href) => !present.has(path(href)));
}

function failure(status: number): SyncFailure {
  return new SyncFailure(status === 401 ? 'auth' : status === 403 ? 'forbidden' : 'server', status);
}
