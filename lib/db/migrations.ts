import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ClienteleSchema } from './schema';
import { replaceProjection, validParties } from './search-projection';

type UpgradeDb = IDBPDatabase<ClienteleSchema>;
type UpgradeTx = IDBPTransaction<ClienteleSchema, StoreNames<ClienteleSchema>[], 'versionchange'>;

/**
 * The version ladder. Each step takes a database at version N-1 to N; a database
 * at any earlier version climbs every step it has not seen. Steps are only ever
 * appended: an existing step is what users' databases already ran.
 */
export function upgradeSchema(db: UpgradeDb, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    const parties = db.createObjectStore('parties', { keyPath: 'id' });
    parties.createIndex('byEmail', 'emails', { multiEntry: true });
    parties.createIndex('byPhone', 'phones', { multiEntry: true });
    parties.createIndex('byDomain', 'domains', { multiEntry: true });
    parties.createIndex('byNextCheckIn', 'nextCheckInAt');

    const interactions = db.createObjectStore('interactions', { keyPath: 'id' });
    interactions.createIndex('byPartyAt', ['partyId', 'at', 'id']);
    interactions.createIndex('byRequestId', 'requestId', { unique: true });

    const followUps = db.createObjectStore('followUps', { keyPath: 'id' });
    followUps.createIndex('byParty', 'partyId');
    followUps.createIndex('byDue', 'dueAt');

    db.createObjectStore('services', { keyPath: 'id' });
    db.createObjectStore('engagements', { keyPath: 'id' }).createIndex('byParty', 'partyId');
    db.createObjectStore('purchases', { keyPath: 'id' }).createIndex('byParty', 'partyId');
    db.createObjectStore('searchBuckets', { keyPath: 'bucket' });
  }
  if (oldVersion < 2) {
    // Version 2 packs the search projection into columns per bucket, and buckets a
    // UUID by its first bits (lib/search/projection-format.ts): the old buckets are
    // dropped and the projection rebuilt from the parties, in the upgrade's own
    // transaction.
    const parties = tx.objectStore('parties');
    const buckets = tx.objectStore('searchBuckets');
    parties
      .getAll()
      .then((stored) => replaceProjection(buckets, validParties(stored)))
      .catch((error: unknown) => {
        console.error('Clientele: the search projection could not be rebuilt.', error);
        // Failing the upgrade keeps the version 1 database as it was, to try again.
        try {
          tx.abort();
        } catch {
          // Already aborting: the failed request did it.
        }
      });
  }
  if (oldVersion < 3) {
    // Version 3 gives parties address-book fields (lib/domain/card-fields.ts), all
    // optional, so no record is reshaped; search now also finds a nickname and the
    // cities of addresses, which the projection holds in its haystack: it is rebuilt
    // from the parties, in the upgrade's own transaction, as version 2's step did
    // (a version 1 database has just had it rebuilt by that step, with this code).
    if (oldVersion >= 2) rebuildProjectionInUpgrade(tx);
  }
  if (oldVersion < 4) {
    // Version 4 adds what undo and sync need: undo entries (recently deleted, bulk
    // changes), tombstones of deleted records, and import batches. New stores only:
    // no existing record changes, so nothing can be lost here.
    db.createObjectStore('undoEntries', { keyPath: 'id' }).createIndex('byAt', 'at');
    db.createObjectStore('tombstones', { keyPath: 'id' }).createIndex('byAt', 'at');
    db.createObjectStore('importBatches', { keyPath: 'id' }).createIndex('byAt', 'at');
  }
  if (oldVersion < 5) {
    // Version 5: email that logs itself. Two stores of small state beside the records
    // (undone email logs, correspondents for "People you email"); nothing is reshaped.
    db.createObjectStore('emailUndone', { keyPath: 'requestId' });
    db.createObjectStore('correspondents', { keyPath: 'email' });
  }
  if (oldVersion < 6) {
    // Version 6: two-way sync. The outbox, each record's synced state and each
    // collection's token are new stores. Follow-ups gain `updatedAt`, so that "the
    // later edit wins" holds for them: an earlier one was last edited when it was
    // done, or else when it was made.
    db.createObjectStore('outbox', { keyPath: 'key' });
    db.createObjectStore('syncStates', { keyPath: 'key' }).createIndex('byType', 'type');
    db.createObjectStore('syncTokens', { keyPath: 'collection' });
    if (oldVersion >= 1) stampFollowUps(tx);
  }
  if (oldVersion < 7) {
    // Version 7: parties are found by the UID of the card they were imported from, so a
    // sync that meets another app's copy of that card on the server updates the party
    // instead of adding a second one. A new index, filled from the stored parties by the
    // upgrade itself; no record changes.
    tx.objectStore('parties').createIndex('byCardUid', 'cardUid');
  }
}

function stampFollowUps(tx: UpgradeTx): void {
  const followUps = tx.objectStore('followUps');
  followUps
    .getAll()
    .then((stored) => {
      for (const value of stored as (Record<string, unknown> | undefined)[]) {
        if (!value || typeof value !== 'object' || typeof value.updatedAt === 'number') continue;
        const at = typeof value.doneAt === 'number' ? value.doneAt : value.createdAt;
        if (typeof at === 'number')
          followUps.put({ ...value, updatedAt: at } as never).catch(() => undefined);
      }
    })
    .catch((error: unknown) => {
      console.error('Clientele: follow-ups could not be given their edit time.', error);
      try {
        tx.abort();
      } catch {
        // Already aborting.
      }
    });
}

function rebuildProjectionInUpgrade(tx: UpgradeTx): void {
  const parties = tx.objectStore('parties');
  const buckets = tx.objectStore('searchBuckets');
  parties
    .getAll()
    .then((stored) => replaceProjection(buckets, validParties(stored)))
    .catch((error: unknown) => {
      console.error('Clientele: the search projection could not be rebuilt.', error);
      // Failing the upgrade keeps the older database as it was, to try again.
      try {
        tx.abort();
      } catch {
        // Already aborting: the failed request did it.
      }
    });
}
