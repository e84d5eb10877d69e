import { collectionOf, idOf, type SyncRecord } from '../../lib/sync/codecs';
import type { PartyMove, SyncedState, SyncStore } from '../../lib/sync/engine';
import type { FieldConflict } from '../../lib/sync/merge';
import { coalesce, recordKey, type OutboxEntry, type RecordType } from '../../lib/sync/outbox';

/**
 * A SyncStore in memory: one device's book, outbox and synced states. Tests and
 * the benchmark use it; the extension's store keeps the same things in IndexedDB,
 * where a local write and its outbox entry share one transaction, as here they
 * share one synchronous step.
 */
export class MemoryStore implements SyncStore {
  readonly records = new Map<string, SyncRecord>();
  readonly outbox = new Map<string, OutboxEntry>();
  readonly states = new Map<string, SyncedState>();
  readonly tokens = new Map<string, string>();
  /** Values that lost a merge, as the record's history would keep them. */
  readonly kept: { key: string; conflict: FieldConflict }[] = [];
  private seq = 0;

  /** A user's edit: the record and its outbox entry together. */
  put(record: SyncRecord): void {
    const key = recordKey(record.type, idOf(record));
    this.records.set(key, record);
    this.enqueue(record.type, idOf(record), 'put');
  }

  delete(type: RecordType, id: string): void {
    this.records.delete(recordKey(type, id));
    this.enqueue(type, id, 'delete');
  }

  /** The book as a backup would hold it: records by key, in key order. */
  book(): [string, SyncRecord][] {
    return [...this.records].sort(([a], [b]) => (a < b ? -1 : 1));
  }

  private enqueue(type: RecordType, id: string, op: 'put' | 'delete') {
    const key = recordKey(type, id);
    const entry = coalesce({ type, id, op }, ++this.seq, this.states.has(key));
    if (entry) this.outbox.set(key, entry);
    else this.outbox.delete(key);
  }

  pending(): Promise<OutboxEntry[]> {
    return Promise.resolve([...this.outbox.values()]);
  }

  acknowledge(entry: OutboxEntry): Promise<void> {
    if (this.outbox.get(entry.key)?.seq === entry.seq) this.outbox.delete(entry.key);
    return Promise.resolve();
  }

  read(type: RecordType, id: string): Promise<SyncRecord | undefined> {
    return Promise.resolve(this.records.get(recordKey(type, id)));
  }

  applyRemote(record: SyncRecord, state: SyncedState, kept: FieldConflict[]): Promise<void> {
    this.records.set(state.key, record);
    this.states.set(state.key, state);
    for (const conflict of kept) this.kept.push({ key: state.key, conflict });
    return Promise.resolve();
  }

  removeLocal(type: RecordType, id: string): Promise<void> {
    const key = recordKey(type, id);
    this.records.delete(key);
    this.states.delete(key);
    return Promise.resolve();
  }

  partiesWithCardUid(uid: string): Promise<string[]> {
    const ids: string[] = [];
    for (const record of this.records.values())
      if (record.type === 'party' && record.value.party.cardUid === uid)
        ids.push(record.value.party.id);
    return Promise.resolve(ids);
  }

  moveParty({ fromId, record, state, kept, send }: PartyMove): Promise<void> {
    const from = recordKey('party', fromId);
    const to = idOf(record);
    this.records.delete(from);
    this.states.delete(from);
    this.outbox.delete(from);
    this.records.set(state.key, record);
    this.states.set(state.key, state);
    for (const conflict of kept) this.kept.push({ key: state.key, conflict });
    if (send) this.enqueue('party', to, 'put');
    for (const [key, other] of [...this.records]) {
      if (other.type === 'party') {
        const member = other.value.party;
        if (member.organizationId !== fromId) continue;
        const relinked = { ...other.value, party: { ...member, organizationId: to } };
        this.records.set(key, { type: 'party', value: relinked });
        this.enqueue('party', member.id, 'put');
      } else if (other.value.partyId === fromId) {
        this.records.set(key, { ...other, value: { ...other.value, partyId: to } } as SyncRecord);
        this.enqueue(other.type, other.value.id, 'put');
      }
    }
    return Promise.resolve();
  }

  synced(key: string): Promise<SyncedState | undefined> {
    return Promise.resolve(this.states.get(key));
  }

  syncedIn(collection: 'addressbook' | 'calendar'): Promise<SyncedState[]> {
    return Promise.resolve(
      [...this.states.values()].filter((s) => collectionOf(s.type) === collection),
    );
  }

  saveSynced(state: SyncedState): Promise<void> {
    this.states.set(state.key, state);
    return Promise.resolve();
  }

  forgetSynced(key: string): Promise<void> {
    this.states.delete(key);
    return Promise.resolve();
  }

  token(collection: string): Promise<string | undefined> {
    return Promise.resolve(this.tokens.get(collection));
  }

  saveToken(collection: string, token: string): Promise<void> {
    this.tokens.set(collection, token);
    return Promise.resolve();
  }
}
