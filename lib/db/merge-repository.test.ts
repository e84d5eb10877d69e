import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CADENCE,
  PartySchema,
  RELATIONSHIP_KINDS,
  type Engagement,
  type FollowUp,
  type Interaction,
  type Party,
  type Purchase,
} from '../domain';
import { mergeRecords, previewMerge } from './merge-repository';
import { createDbOpener } from './open';
import type { RepositoryContext } from './party-repository';
import { projectParty, readSearchRows } from './search-projection';

const T = Date.UTC(2026, 3, 1);
const MERGE_AT = Date.UTC(2026, 10, 23);

function makeContext(): RepositoryContext {
  return {
    getDb: createDbOpener(`clientele-merge-${crypto.randomUUID()}`),
    clock: () => MERGE_AT,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
}

function party(id: string, rest: Partial<Party> = {}): Party {
  const kind = rest.kind ?? 'client';
  return PartySchema.parse({
    id,
    type: 'person',
    name: `Party ${id}`,
    kind,
    kindHistory: [{ kind, at: T }],
    emails: [],
    phones: [],
    domains: [],
    tags: [],
    notes: '',
    createdAt: T,
    updatedAt: T,
    ...rest,
  });
}

interface Dependents {
  interactions: number;
  followUps: number;
  engagements: number;
  purchases: number;
}

let serial = 0;
function dependentsOf(partyId: string, counts: Dependents) {
  const id = () => `${partyId}-dep-${++serial}`;
  return {
    interactions: Array.from({ length: counts.interactions }, (_, i): Interaction => ({
      id: id(),
      partyId,
      type: 'call',
      direction: 'outbound',
      at: T + i,
      summary: `call ${i}`,
      requestId: id(),
      createdAt: T,
    })),
    followUps: Array.from({ length: counts.followUps }, (): FollowUp => ({
      id: id(),
      partyId,
      dueAt: T,
      note: 'follow up',
      status: 'open',
      createdAt: T,
    })),
    engagements: Array.from({ length: counts.engagements }, (): Engagement => ({
      id: id(),
      partyId,
      serviceName: 'Advisory',
      terms: { pricingModel: 'hourly', rate: { amountMinor: 100, currency: 'EUR' } },
      startOn: '2026-01-01',
      status: 'active',
      scopeNotes: '',
      createdAt: T,
      updatedAt: T,
    })),
    purchases: Array.from({ length: counts.purchases }, (): Purchase => ({
      id: id(),
      partyId,
      on: '2026-02-01',
      amount: { amountMinor: 100, currency: 'EUR' },
      description: 'Book',
      recurrence: 'one-time',
      createdAt: T,
    })),
  };
}

type Seeded = ReturnType<typeof dependentsOf>;

async function seed(context: RepositoryContext, parties: Party[], dependents: Seeded[]) {
  const db = await context.getDb();
  const tx = db.transaction(
    ['parties', 'interactions', 'followUps', 'engagements', 'purchases', 'searchBuckets'],
    'readwrite',
  );
  for (const p of parties) {
    await tx.objectStore('parties').put(p);
    await projectParty(tx, p);
  }
  for (const d of dependents) {
    for (const r of d.interactions) await tx.objectStore('interactions').put(r);
    for (const r of d.followUps) await tx.objectStore('followUps').put(r);
    for (const r of d.engagements) await tx.objectStore('engagements').put(r);
    for (const r of d.purchases) await tx.objectStore('purchases').put(r);
  }
  await tx.done;
}

const none: Dependents = { interactions: 0, followUps: 0, engagements: 0, purchases: 0 };

describe('previewMerge and mergeRecords', () => {
  it('previews exactly what the merge then writes, and writes nothing before', async () => {
    const context = makeContext();
    const ada = party('a', { emails: ['ada@example.com'], tags: ['vip'] });
    const lovelace = party('b', { emails: ['al@home.example'], phones: ['+12125550100'] });
    const deps = dependentsOf('b', { interactions: 3, followUps: 1, engagements: 2, purchases: 4 });
    await seed(context, [ada, lovelace], [dependentsOf('a', { ...none, interactions: 1 }), deps]);

    const preview = await previewMerge(context, { survivorId: 'a', absorbedId: 'b' });
    if (!preview.ok) throw new Error(preview.error.message.code);
    expect(preview.value.moved).toStrictEqual({
      interactions: 3,
      followUps: 1,
      engagements: 2,
      purchases: 4,
      members: 0,
    });
    expect(preview.value.merged.emails).toStrictEqual(['ada@example.com', 'al@home.example']);
    const db = await context.getDb();
    expect(await db.get('parties', 'b')).toStrictEqual(lovelace);

    const merged = await mergeRecords(context, {
      survivorId: 'a',
      absorbedId: 'b',
      expected: { survivorUpdatedAt: T, absorbedUpdatedAt: T },
    });
    if (!merged.ok) throw new Error(merged.error.message.code);
    expect(merged.value.party).toStrictEqual(preview.value.merged);
    expect(merged.value.moved).toStrictEqual(preview.value.moved);
    expect(await db.get('parties', 'a')).toStrictEqual(preview.value.merged);
    expect(await db.get('parties', 'b')).toBeUndefined();
    expect(
      await db.countFromIndex(
        'interactions',
        'byPartyAt',
        IDBKeyRange.bound(['a', -Infinity, ''], ['a', Infinity, '']),
      ),
    ).toBe(4);

    const rows = await readSearchRows(context.getDb);
    expect(rows.map((row) => row.id)).toStrictEqual(['a']);
    expect(rows[0]?.emails).toStrictEqual(['ada@example.com', 'al@home.example']);
  });

  it('refuses when a record changed since the preview, changing nothing', async () => {
    const context = makeContext();
    await seed(
      context,
      [party('a'), party('b', { updatedAt: T + 5 })],
      [dependentsOf('b', { ...none, purchases: 1 })],
    );
    const result = await mergeRecords(context, {
      survivorId: 'a',
      absorbedId: 'b',
      expected: { survivorUpdatedAt: T, absorbedUpdatedAt: T },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const db = await context.getDb();
    expect(await db.count('parties')).toBe(2);
    expect((await db.getAll('purchases'))[0]?.partyId).toBe('b');
  });

  it('re-links the people of an absorbed organization to the survivor', async () => {
    const context = makeContext();
    const northwind = party('org1', { type: 'organization', name: 'Northwind' });
    const northwindLtd = party('org2', { type: 'organization', name: 'Northwind Ltd' });
    const grace = party('g', { organizationId: 'org2', organizationName: 'Northwind Ltd' });
    await seed(context, [northwind, northwindLtd, grace], []);
    const preview = await previewMerge(context, { survivorId: 'org1', absorbedId: 'org2' });
    expect(preview.ok && preview.value.moved.members).toBe(1);
    await mergeRecords(context, { survivorId: 'org1', absorbedId: 'org2' });
    const db = await context.getDb();
    expect(await db.get('parties', 'g')).toMatchObject({
      organizationId: 'org1',
      organizationName: 'Northwind',
    });
    const rows = await readSearchRows(context.getDb);
    expect(rows.find((row) => row.id === 'g')?.organization).toBe('Northwind');
  });

  it.each([
    ['a record that does not exist', { survivorId: 'a', absorbedId: 'zzz' }, 'not_found'],
    ['a record with itself', { survivorId: 'a', absorbedId: 'a' }, 'invalid'],
  ])('refuses to merge %s', async (_label, request, code) => {
    const context = makeContext();
    await seed(context, [party('a')], []);
    expect(await previewMerge(context, request)).toMatchObject({ ok: false, error: { code } });
    expect(await mergeRecords(context, request)).toMatchObject({ ok: false, error: { code } });
    expect(await (await context.getDb()).get('parties', 'a')).toStrictEqual(party('a'));
  });
});

const contactBits = {
  kind: fc.constantFrom(...RELATIONSHIP_KINDS),
  emails: fc.uniqueArray(fc.constantFrom('a@x.example', 'b@x.example', 'c@y.example'), {
    maxLength: 3,
  }),
  phones: fc.uniqueArray(fc.constantFrom('+12125550100', '+442079460958'), { maxLength: 2 }),
  tags: fc.uniqueArray(fc.constantFrom('vip', 'VIP', 'ops', 'navy'), { maxLength: 4 }),
  history: fc.array(fc.record({ kind: fc.constantFrom(...RELATIONSHIP_KINDS), at: fc.nat(T) }), {
    maxLength: 3,
  }),
  notes: fc.string({ maxLength: 20 }),
  dependents: fc.record({
    interactions: fc.nat(4),
    followUps: fc.nat(3),
    engagements: fc.nat(3),
    purchases: fc.nat(3),
  }),
};

describe('merging, for any two records and their dependents', () => {
  it('loses nothing: every email, phone, tag, history entry and dependent survives on the survivor', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record(contactBits), fc.record(contactBits), async (x, y) => {
        const context = makeContext();
        const build = (id: string, bits: typeof x) =>
          party(id, {
            kind: bits.kind,
            kindHistory: [...bits.history, { kind: bits.kind, at: T }],
            emails: bits.emails,
            phones: bits.phones,
            tags: bits.tags,
            notes: bits.notes,
          });
        const [survivor, absorbed] = [build('s', x), build('t', y)];
        const deps = [dependentsOf('s', x.dependents), dependentsOf('t', y.dependents)];
        await seed(context, [survivor, absorbed], deps);

        const result = await mergeRecords(context, { survivorId: 's', absorbedId: 't' });
        if (!result.ok) throw new Error(result.error.message.code);
        const db = await context.getDb();
        const stored = PartySchema.parse(await db.get('parties', 's'));
        expect(await db.get('parties', 't')).toBeUndefined();
        for (const source of [survivor, absorbed]) {
          for (const email of source.emails) expect(stored.emails).toContain(email);
          for (const phone of source.phones) expect(stored.phones).toContain(phone);
          for (const tag of source.tags) expect(stored.tags).toContain(tag);
          for (const entry of source.kindHistory) expect(stored.kindHistory).toContainEqual(entry);
          expect(stored.notes).toContain(source.notes);
        }
        for (const store of ['interactions', 'followUps', 'engagements', 'purchases'] as const) {
          const before: { id: string; partyId: string }[] = deps.flatMap(
            (d): { id: string; partyId: string }[] => d[store],
          );
          const after: { id: string; partyId: string }[] = await db.getAll(store);
          expect(after.map((r) => r.id).sort()).toStrictEqual(before.map((r) => r.id).sort());
          expect(after.every((r) => r.partyId === 's')).toBe(true);
          for (const record of before)
            expect(after.find((r) => r.id === record.id)).toStrictEqual({
              ...record,
              partyId: 's',
            });
        }
        const rows = await readSearchRows(context.getDb);
        expect(rows.map((row) => row.id)).toStrictEqual(['s']);
        expect(rows[0]?.emails).toStrictEqual(stored.emails);
      }),
      { numRuns: 40 },
    );
  });
});
