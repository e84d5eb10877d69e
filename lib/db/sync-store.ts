import { unwrap } from 'idb';
import { newId } from '../domain/ids';
import type { Interaction } from '../domain/interaction';
import type { Party } from '../domain/party';
import { changedByOf, type SyncRecord } from '../sync/codecs';
import type { PartyMove, SyncedState, SyncStore } from '../sync/engine';
import type { FieldConflict } from '../sync/merge';
import { recordKey, type OutboxEntry, type RecordType } from '../sync/outbox';
import { inTransaction } from './in-transaction';
import type { GetDb } from './open';
import { note, quietly } from './outbox-capture';
import { pendingEntries } from './outbox-store';
import { keptAfterDeletionNote, keptNote, notesIn, type SyncNoteWords } from './sync-history';
import { projectParty, unprojectParty } from './search-projection';

/**
 * The sync engine's SyncStore over IndexedDB. What the server sends is written
 * "quietly" (it queues nothing: it is already there), in one transaction with its
 * synced state; what a merge replaced goes on the party's timeline as a note,
 * which is itself a local change and travels to the other devices.
 */
export interface IdbSyncStoreOptions {
  getDb: GetDb;
  clock: () => number;
  /**
   * The sync user of this device: named in the history for a server change whose
   * object does not say who made it (X-CLIENTELE-CHANGED-BY, written by Clientele).
   */
  identity: () => string;
  /**
   * The catalogue, to word the history notes and the kept tag in the user's language
   * when they are written (they are stored and synced as text); English without it.
   */
  words?: SyncNoteWords;
}

const RECORD_STORE = {
  party: 'parties',
  followUp: 'followUps',
  interaction: 'interactions',
} as const;
const CARD_STORES = ['parties', 'engagements', 'purchases', 'searchBuckets'] as const;
const APPLY_STORES = [...CARD_STORES, 'followUps', 'interactions', 'syncStates', 'outbox'] as const;

export function createIdbSyncStore(options: IdbSyncStoreOptions): SyncStore & {
  flagKept(type: RecordType, id: string, deletedOn: 'here' | 'server'): Promise<void>;
} {
  const { getDb } = options;
  const words = notesIn(options.words);

  async function writeNotes(
    tx: { objectStore(name: 'interactions'): { add(value: Interaction): Promise<unknown> } },
    partyId: string,
    summaries: string[],
  ): Promise<string[]> {
    const now = options.clock();
    const ids: string[] = [];
    for (const summary of summaries) {
      const id = newId();
      ids.push(id);
      await tx.objectStore('interactions').add({
        id,
        partyId,
        type: 'note',
        direction: 'inbound',
        at: now,
        summary,
        requestId: `sync-${id}`,
        createdAt: now,
      });
    }
    return ids;
  }

  return {
    async pending() {
      return pendingEntries(await getDb());
    },

    async acknowledge(entry: OutboxEntry) {
      const db = await getDb();
      // Once the entry is gone, the deletion's tombstone may be pruned (deletion-repository).
      const tx = db.transaction('outbox', 'readwrite');
      await inTransaction(tx, async () => {
        const current = await tx.store.get(entry.key);
        if (current?.seq !== entry.seq) return;
        await tx.store.delete(entry.key);
      });
    },

    async read(type, id) {
      const db = await getDb();
      if (type === 'party') {
        const tx = db.transaction(['parties', 'engagements', 'purchases']);
        const [party, engagements, purchases] = await Promise.all([
          tx.objectStore('parties').get(id),
          tx.objectStore('engagements').index('byParty').getAll(id),
          tx.objectStore('purchases').index('byParty').getAll(id),
        ]);
        return party ? { type, value: { party, engagements, purchases } } : undefined;
      }
      const value = await db.get(RECORD_STORE[type], id);
      return value ? ({ type, value } as SyncRecord) : undefined;
    },

    async applyRemote(record: SyncRecord, state: SyncedState, kept: FieldConflict[]) {
      const db = await getDb();
      const tx = db.transaction([...APPLY_STORES], 'readwrite', { durability: 'strict' });
      const own = RECORD_STORE[record.type];
      quietly(unwrap(tx), record.type === 'party' ? CARD_STORES : [own]);
      await inTransaction(tx, async () => {
        if (record.type === 'party') {
          const { party, engagements, purchases } = record.value;
          await tx.objectStore('parties').put(party);
          await projectParty(tx, party);
          for (const store of ['engagements', 'purchases'] as const) {
            const incoming = new Set<string>(
              (store === 'engagements' ? engagements : purchases).map((r) => r.id),
            );
            for (const key of await tx.objectStore(store).index('byParty').getAllKeys(party.id))
              if (!incoming.has(key)) await tx.objectStore(store).delete(key);
          }
          for (const engagement of engagements) await tx.objectStore('engagements').put(engagement);
          for (const purchase of purchases) await tx.objectStore('purchases').put(purchase);
        } else if (record.type === 'followUp') {
          await tx.objectStore('followUps').put(record.value);
        } else {
          await tx.objectStore('interactions').put(record.value);
        }
        await tx.objectStore('syncStates').put(state);
        if (kept.length === 0) return;
        const partyId = record.type === 'party' ? record.value.party.id : record.value.partyId;
        // The server's copy names who wrote it; an object from another app, this account.
        const by = changedByOf(record.type, state.text) ?? options.identity();
        const notes = keptNote(record.type, kept, by, words);
        const ids = await writeNotes(tx, partyId, notes);
        // Notes added while the interactions store is quiet are still changes to send.
        if (record.type === 'interaction')
          for (const id of ids) note(unwrap(tx), 'interaction', id, 'put');
      });
    },

    async removeLocal(type, id) {
      const db = await getDb();
      const tx = db.transaction([...APPLY_STORES], 'readwrite', { durability: 'strict' });
      quietly(unwrap(tx), [...CARD_STORES, 'followUps', 'interactions']);
      await inTransaction(tx, async () => {
        if (type === 'party') {
          await tx.objectStore('parties').delete(id);
          await unprojectParty(tx, id);
          for (const store of ['engagements', 'purchases'] as const)
            for (const key of await tx.objectStore(store).index('byParty').getAllKeys(id))
              await tx.objectStore(store).delete(key);
        } else await tx.objectStore(RECORD_STORE[type]).delete(id);
        await tx.objectStore('syncStates').delete(recordKey(type, id));
      });
    },

    async partiesWithCardUid(uid) {
      return (await getDb()).getAllKeysFromIndex('parties', 'byCardUid', uid);
    },

    /**
     * One transaction, so a worker stopped midway leaves the party where it was. The
     * card's stores are quiet (the old party leaves no deletion to send: its card is
     * the one kept), while the re-pointed interactions and follow-ups queue themselves.
     */
    async moveParty({ fromId, record, state, kept, send }: PartyMove) {
      if (record.type !== 'party') return;
      const { party, engagements, purchases } = record.value;
      const db = await getDb();
      const tx = db.transaction([...APPLY_STORES], 'readwrite', { durability: 'strict' });
      quietly(unwrap(tx), CARD_STORES);
      await inTransaction(tx, async () => {
        if (send) note(unwrap(tx), 'party', party.id, 'put');
        const parties = tx.objectStore('parties');
        await parties.delete(fromId);
        await unprojectParty(tx, fromId);
        await parties.put(party);
        await projectParty(tx, party);
        for (const store of ['engagements', 'purchases'] as const) {
          const incoming = new Set<string>(
            (store === 'engagements' ? engagements : purchases).map((r) => r.id),
          );
          for (const id of [fromId, party.id])
            for (const key of await tx.objectStore(store).index('byParty').getAllKeys(id))
              if (!incoming.has(key)) await tx.objectStore(store).delete(key);
        }
        for (const engagement of engagements) await tx.objectStore('engagements').put(engagement);
        for (const purchase of purchases) await tx.objectStore('purchases').put(purchase);
        const repoint = <T extends { partyId: string }>(r: T): T => ({ ...r, partyId: party.id });
        for (const interaction of await tx
          .objectStore('interactions')
          .index('byPartyAt')
          .getAll(IDBKeyRange.bound([fromId, -Infinity, ''], [fromId, Infinity, ''])))
          await tx.objectStore('interactions').put(repoint(interaction));
        for (const followUp of await tx.objectStore('followUps').index('byParty').getAll(fromId))
          await tx.objectStore('followUps').put(repoint(followUp));
        // The people of an organisation name it in their cards: theirs change too.
        for await (const cursor of parties) {
          const member = cursor.value;
          if (member.organizationId !== fromId) continue;
          const relinked = { ...member, organizationId: party.id };
          await cursor.update(relinked);
          await projectParty(tx, relinked);
          note(unwrap(tx), 'party', member.id, 'put');
        }
        await tx.objectStore('syncStates').delete(recordKey('party', fromId));
        await tx.objectStore('syncStates').put(state);
        // A change queued for the old id went into `record`; a batch naming it is
        // harmless: with no record and no synced state there, it is acknowledged unsent.
        await tx.objectStore('outbox').delete(recordKey('party', fromId));
        if (kept.length === 0) return;
        const by = changedByOf('party', state.text) ?? options.identity();
        await writeNotes(tx, party.id, keptNote('party', kept, by, words));
      });
    },

    /** A record deleted on one side and changed on the other is kept, and says so. */
    async flagKept(type, id, deletedOn) {
      const db = await getDb();
      const tx = db.transaction(
        ['parties', 'searchBuckets', 'interactions', 'followUps', 'outbox', 'syncStates'],
        'readwrite',
      );
      await inTransaction(tx, async () => {
        const own =
          type === 'party'
            ? { partyId: id }
            : ((await tx.objectStore(RECORD_STORE[type]).get(id)) as
                { partyId: string } | undefined);
        if (!own) return;
        const party: Party | undefined = await tx.objectStore('parties').get(own.partyId);
        if (!party) return;
        const tag = words('sync_kept_tag');
        if (!party.tags.includes(tag)) {
          const flagged = { ...party, tags: [...party.tags, tag], updatedAt: options.clock() };
          await tx.objectStore('parties').put(flagged);
          await projectParty(tx, flagged);
        }
        // Deleted here: the server's copy, just taken in, names who changed it there. A
        // deletion on the server names no one (DAV keeps no author), and the change was here.
        const state = await tx.objectStore('syncStates').get(recordKey(type, id));
        const by =
          deletedOn === 'here'
            ? ((state && changedByOf(type, state.text)) ?? options.identity())
            : options.identity();
        await writeNotes(tx, party.id, [keptAfterDeletionNote(type, deletedOn, by, words)]);
      });
    },

    async synced(key) {
      return (await getDb()).get('syncStates', key);
    },

    async syncedIn(collection) {
      const db = await getDb();
      if (collection === 'addressbook') return db.getAllFromIndex('syncStates', 'byType', 'party');
      const [followUps, interactions] = await Promise.all([
        db.getAllFromIndex('syncStates', 'byType', 'followUp'),
        db.getAllFromIndex('syncStates', 'byType', 'interaction'),
      ]);
      return [...followUps, ...interactions];
    },

    async saveSynced(state) {
      await (await getDb()).put('syncStates', state);
    },

    async forgetSynced(key) {
      await (await getDb()).delete('syncStates', key);
    },

    async token(collection) {
      return (await (await getDb()).get('syncTokens', collection))?.token;
    },

    async saveToken(collection, token) {
      await (await getDb()).put('syncTokens', { collection, token });
    },
  };
}
