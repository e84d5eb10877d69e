import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, type PartyDraft } from '../domain';
import { STALE_KEY } from '../search/projection-format';
import { findKindsByContacts, READ_PROJECTION_FROM, refreshKinds } from './contact-kinds';
import { deleteParties } from './deletion-repository';
import { importParties } from './bulk-import';
import { createDbOpener } from './open';
import {
  createParty,
  readByContacts,
  setPartyKind,
  updateParty,
  type RepositoryContext,
} from './party-repository';

const T0 = Date.UTC(2026, 2, 2, 9, 30);

function makeContext(): RepositoryContext {
  return {
    getDb: createDbOpener(`clientele-kinds-${crypto.randomUUID()}`),
    clock: () => T0,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
}

async function create(context: RepositoryContext, draft: PartyDraft): Promise<string> {
  const result = await createParty(context, draft);
  if (!result.ok || !result.value.created) throw new Error('not created');
  return result.value.party.id;
}

const ada: PartyDraft = {
  name: 'Ada Lovelace',
  kind: 'client',
  emails: ['ada@example.com', 'ada.home@example.org'],
  phones: ['(212) 555-0100'],
};
const ken: PartyDraft = { name: 'Ken', kind: 'former', emails: ['ken@bell.example'], phones: [] };

/** A lookup big enough to be answered from the projection, padded with unknown addresses. */
function big(emails: string[], phones: string[] = []) {
  const padding = Array.from({ length: READ_PROJECTION_FROM }, (_, i) => `nobody${i}@x.example`);
  return { emails: [...emails, ...padding], phones };
}

/** The answer of the email and phone indexes themselves, for comparison. */
async function fromIndexes(context: RepositoryContext, lookup: ReturnType<typeof big>) {
  const db = await context.getDb();
  return readByContacts(db.transaction('parties', 'readonly'), lookup, (value) => {
    const { id, kind } = value as { id: string; kind: string };
    return { id, kind };
  });
}

describe('findKindsByContacts', () => {
  it('answers a big lookup as the indexes do, and again from memory', async () => {
    const context = makeContext();
    await create(context, ada);
    await create(context, ken);
    const db = await context.getDb();
    const lookup = big(['ada.home@example.org', 'ken@bell.example'], ['+12125550100', '+1999']);
    const expected = await fromIndexes(context, lookup);
    expect(expected.byEmail.size).toBe(2);
    expect(expected.byPhone.size).toBe(1);
    expect(await findKindsByContacts(db, lookup)).toEqual(expected);
    await refreshKinds(db);
    expect(await findKindsByContacts(db, lookup)).toEqual(expected);
    // A small lookup: from the indexes, the same answer.
    expect(await findKindsByContacts(db, { emails: ['ken@bell.example'] })).toEqual({
      byEmail: new Map([['ken@bell.example', expected.byEmail.get('ken@bell.example')]]),
      byPhone: new Map(),
    });
  });

  it('sees every kind of write made since it last read the projection', async () => {
    const context = makeContext();
    const adaId = await create(context, ada);
    const kenId = await create(context, ken);
    const db = await context.getDb();
    const lookup = big(
      ['ada@example.com', 'ada.new@example.com', 'ken@bell.example', 'grace@navy.example'],
      ['+12125550100'],
    );
    // Each time twice: from the indexes (the map is out of date), then from the map.
    const kinds = async () => {
      const expected = await fromIndexes(context, lookup);
      expect(await findKindsByContacts(db, lookup)).toEqual(expected);
      await refreshKinds(db);
      const found = await findKindsByContacts(db, lookup);
      expect(found).toEqual(expected);
      return {
        emails: Object.fromEntries([...found.byEmail].map(([key, { kind }]) => [key, kind])),
        phones: Object.fromEntries([...found.byPhone].map(([key, { kind }]) => [key, kind])),
      };
    };
    expect((await kinds()).emails).toEqual({
      'ada@example.com': 'client',
      'ken@bell.example': 'former',
    });

    await setPartyKind(context, adaId, 'customer');
    expect((await kinds()).emails['ada@example.com']).toBe('customer');

    await updateParty(context, adaId, { emails: ['ada.new@example.com'], phones: [] });
    expect(await kinds()).toEqual({
      emails: { 'ada.new@example.com': 'customer', 'ken@bell.example': 'former' },
      phones: {},
    });

    await create(context, {
      name: 'Grace',
      kind: 'prospect',
      emails: ['grace@navy.example'],
      phones: [],
    });
    expect((await kinds()).emails['grace@navy.example']).toBe('prospect');

    await importParties(context, [
      { name: 'Old Ada', kind: 'client', emails: ['ada@example.com'], phones: ['(212) 555-0100'] },
    ]);
    expect((await kinds()).emails['ada@example.com']).toBe('client');

    await deleteParties(context, [kenId]);
    expect((await kinds()).emails['ken@bell.example']).toBeUndefined();
  });

  it('answers from the map while the projection’s stamp holds', async () => {
    const context = makeContext();
    await create(context, ada);
    const db = await context.getDb();
    const lookup = big(['ada@example.com']);
    await refreshKinds(db);
    // A write that bypasses the projection (none in Clientele does): the map does not see it.
    const tx = db.transaction('parties', 'readwrite');
    const stored = (await tx.store.index('byEmail').get('ada@example.com'))!;
    await tx.store.put({ ...stored, kind: 'former' });
    await tx.done;
    expect((await findKindsByContacts(db, lookup)).byEmail.get('ada@example.com')?.kind).toBe(
      'client',
    );
    expect(
      (await findKindsByContacts(db, { emails: ['ada@example.com'] })).byEmail.get(
        'ada@example.com',
      )?.kind,
    ).toBe('former');
  });

  it('reads the indexes while the projection is marked stale', async () => {
    const context = makeContext();
    await create(context, ada);
    const db = await context.getDb();
    const lookup = big(['ada@example.com']);
    await refreshKinds(db);
    expect((await findKindsByContacts(db, lookup)).byEmail.get('ada@example.com')?.kind).toBe(
      'client',
    );
    // Damaged: the projection says it is incomplete, and its rows say nothing of Ken.
    const tx = db.transaction(['parties', 'searchBuckets'], 'readwrite');
    await tx.objectStore('searchBuckets').put({ bucket: STALE_KEY, since: T0 });
    await tx.objectStore('parties').put({
      ...(await tx.objectStore('parties').index('byEmail').get('ada@example.com'))!,
      kind: 'former',
    });
    await tx.done;
    expect((await findKindsByContacts(db, lookup)).byEmail.get('ada@example.com')?.kind).toBe(
      'former',
    );
    await refreshKinds(db);
    expect((await findKindsByContacts(db, lookup)).byEmail.get('ada@example.com')?.kind).toBe(
      'former',
    );
  });

  it('answers an empty book and an empty lookup', async () => {
    const context = makeContext();
    const db = await context.getDb();
    const none = { byEmail: new Map(), byPhone: new Map() };
    expect(await findKindsByContacts(db, big(['ada@example.com']))).toEqual(none);
    expect(await findKindsByContacts(db, {})).toEqual(none);
  });
});
