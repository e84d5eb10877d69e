import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../domain';
import { SyncEngine, type SyncTarget } from '../sync/engine';
import { MemoryServer } from '../../tests/support/memory-server';
import { deleteParties } from './deletion-repository';
import { snoozeDue } from './due-repository';
import { logInteraction, listInteractions } from './interaction-repository';
import { createDbOpener } from './open';
import { createParty, getParty, updateParty } from './party-repository';
import { readSearchRows } from './search-projection';
import { englishNotes } from './sync-history';

const KEPT_TAG = englishNotes('sync_kept_tag');
import { createIdbSyncStore } from './sync-store';

const target: SyncTarget = {
  addressbook: 'http://dav.test/alice/book/',
  calendar: 'http://dav.test/alice/tasks/',
  tokens: true,
};

/** One device: its own database, clock, store and engine, against a shared server. */
function device(server: MemoryServer, name: string) {
  let now = 1_750_000_000_000;
  const repo = {
    getDb: createDbOpener(`sync-store-${name}-${crypto.randomUUID()}`),
    clock: () => now,
    settings: () => Promise.resolve({ region: 'PT', cadence: DEFAULT_CADENCE }),
  };
  const store = createIdbSyncStore({ getDb: repo.getDb, clock: repo.clock, identity: () => name });
  const engine = new SyncEngine(server, store, target, () => ({
    cardVersion: '4.0',
    region: 'PT',
    defaultKind: 'prospect',
    now,
    identity: name,
  }));
  return {
    repo,
    store,
    sync: () => engine.sync(),
    tick: (ms: number) => (now += ms),
    outbox: async () => (await repo.getDb()).getAll('outbox'),
  };
}

async function created(repo: ReturnType<typeof device>['repo'], name: string) {
  const outcome = await createParty(repo, { name, kind: 'client', emails: [`${name}@x.example`] });
  if (!outcome.ok) throw new Error(outcome.error.message.code);
  return outcome.value.party;
}

describe('the IndexedDB sync store, two devices and one server', () => {
  it('sends a book up, brings it down on the other device, and queues nothing it received', async () => {
    const server = new MemoryServer();
    const a = device(server, 'alice');
    const b = device(server, 'bob');
    const party = await created(a.repo, 'ada');
    await logInteraction(a.repo, {
      partyId: party.id,
      type: 'call',
      summary: 'Kick-off',
      followUpAt: 1_760_000_000_000,
      requestId: 'r-1',
    });
    expect(await a.outbox()).toHaveLength(3);
    const sent = await a.sync();
    expect(sent.sent).toBe(3);
    expect(await a.outbox()).toEqual([]);

    const received = await b.sync();
    expect(received.received).toBe(3);
    expect(await b.outbox()).toEqual([]);
    expect((await getParty(b.repo.getDb, party.id))?.name).toBe('ada');
    expect((await readSearchRows(b.repo.getDb)).map((row) => row.id)).toEqual([party.id]);
    const timeline = await listInteractions(b.repo.getDb, party.id, { limit: 10 });
    expect(timeline.interactions.map((i) => i.summary)).toEqual(['Kick-off']);
    // Nothing new on either side: another round sends and receives nothing.
    expect(await b.sync()).toMatchObject({ sent: 0, received: 0 });
  });

  it('a field edited on both: the later edit wins, and the other value is on the timeline', async () => {
    const server = new MemoryServer();
    const a = device(server, 'alice');
    const b = device(server, 'bob');
    const party = await created(a.repo, 'ada');
    await a.sync();
    await b.sync();
    a.tick(1000);
    await updateParty(a.repo, party.id, { title: 'Countess' });
    b.tick(5000);
    await updateParty(b.repo, party.id, { title: 'Analyst' });
    await a.sync();
    const merged = await b.sync();
    expect(merged.conflicts).toBeGreaterThan(0);
    await a.sync();
    for (const side of [a, b])
      expect((await getParty(side.repo.getDb, party.id))?.title).toBe('Analyst');
    const onB = await listInteractions(b.repo.getDb, party.id, { limit: 10 });
    const kept = onB.interactions.map((i) => i.summary).find((s) => s.includes('Countess'));
    // Bob's device names who made the change that lost: Alice, from her card.
    expect(kept).toContain('Kept from the server (alice)');
    // The note is a local change too: it reaches the other device.
    await b.sync();
    await a.sync();
    const onA = await listInteractions(a.repo.getDb, party.id, { limit: 10 });
    expect(onA.interactions.map((i) => i.summary)).toContain(kept);
  });

  it('a deletion reaches the other device; deleted there but changed here is kept and flagged', async () => {
    const server = new MemoryServer();
    const a = device(server, 'alice');
    const b = device(server, 'bob');
    const gone = await created(a.repo, 'gone');
    const disputed = await created(a.repo, 'disputed');
    await a.sync();
    await b.sync();
    await deleteParties(a.repo, [gone.id, disputed.id]);
    b.tick(1000);
    await updateParty(b.repo, disputed.id, { notes: 'still a client' });
    await a.sync();
    await b.sync();
    expect(await getParty(b.repo.getDb, gone.id)).toBeUndefined();
    const kept = await getParty(b.repo.getDb, disputed.id);
    expect(kept?.notes).toBe('still a client');
    expect(kept?.tags).toContain(KEPT_TAG);
    await b.sync();
    await a.sync();
    expect((await getParty(a.repo.getDb, disputed.id))?.tags).toContain(KEPT_TAG);
  });

  it('two people on one address book: each sees the other named in the history of a merge', async () => {
    const server = new MemoryServer();
    const alice = device(server, 'alice');
    const bob = device(server, 'bob');
    const party = await created(alice.repo, 'ada');
    await alice.sync();
    await bob.sync();
    bob.tick(1000);
    await updateParty(bob.repo, party.id, { title: 'Analyst' });
    alice.tick(5000);
    await updateParty(alice.repo, party.id, { title: 'Countess' });
    await alice.sync();
    const card = () =>
      [...server.objects.values()].map((o) => o.data).find((d) => d.includes('BEGIN:VCARD'));
    expect(card()).toMatch(/^X-CLIENTELE-CHANGED-BY[^:\r\n]*:alice\r$/m);

    // Alice edited later: her title wins on Bob's device, and his is kept, under her name.
    await bob.sync();
    expect((await getParty(bob.repo.getDb, party.id))?.title).toBe('Countess');
    const onBob = await listInteractions(bob.repo.getDb, party.id, { limit: 10 });
    const note = onBob.interactions.map((i) => i.summary).find((s) => s.includes('Analyst'));
    expect(note).toContain('changed on the server by alice to “Countess”');
    expect(note).not.toContain('bob');

    // Bob's next edit goes up under his name, and Alice's device names him.
    bob.tick(10_000);
    await updateParty(bob.repo, party.id, { title: 'Mathematician' });
    alice.tick(1000);
    await updateParty(alice.repo, party.id, { title: 'Lady' });
    await bob.sync();
    expect(card()).toMatch(/^X-CLIENTELE-CHANGED-BY[^:\r\n]*:bob\r$/m);
    await alice.sync();
    const onAlice = await listInteractions(alice.repo.getDb, party.id, { limit: 10 });
    expect(onAlice.interactions.map((i) => i.summary)).toContainEqual(
      expect.stringContaining('changed on the server by bob to “Mathematician”'),
    );
  });

  it('names the colleague for a follow-up merge and for a record kept after a deletion', async () => {
    const server = new MemoryServer();
    const alice = device(server, 'alice');
    const bob = device(server, 'bob');
    const party = await created(alice.repo, 'ada');
    await logInteraction(alice.repo, {
      partyId: party.id,
      type: 'call',
      summary: 'Kick-off',
      followUpAt: 1_760_000_000_000,
      requestId: 'kick-off',
    });
    await alice.sync();
    await bob.sync();
    const task = () =>
      [...server.objects.values()].map((o) => o.data).find((d) => d.includes('BEGIN:VTODO'));
    expect(task()).toMatch(/^X-CLIENTELE-CHANGED-BY[^:\r\n]*:alice\r$/m);

    // Both move the follow-up; Bob later: Alice's device keeps hers under Bob's name.
    const [followUp] = await (await alice.repo.getDb()).getAll('followUps');
    if (!followUp) throw new Error('no follow-up');
    const ref = { kind: 'followUp' as const, id: followUp.id };
    alice.tick(1000);
    expect((await snoozeDue(alice.repo, ref, 1_770_000_000_000)).ok).toBe(true);
    bob.tick(5000);
    expect((await snoozeDue(bob.repo, ref, 1_780_000_000_000)).ok).toBe(true);
    await bob.sync();
    expect(task()).toMatch(/^X-CLIENTELE-CHANGED-BY[^:\r\n]*:bob\r$/m);
    await alice.sync();
    const onAlice = await listInteractions(alice.repo.getDb, party.id, { limit: 20 });
    expect(onAlice.interactions.map((i) => i.summary)).toContainEqual(
      expect.stringContaining('follow-up dueAt changed on the server by bob'),
    );

    // Alice deletes the party; Bob changed it since: her device keeps it and names him.
    await bob.sync();
    bob.tick(1000);
    await updateParty(bob.repo, party.id, { notes: 'still a client' });
    await bob.sync();
    await deleteParties(alice.repo, [party.id]);
    await alice.sync();
    const after = await listInteractions(alice.repo.getDb, party.id, { limit: 20 });
    expect(after.interactions.map((i) => i.summary)).toContainEqual(
      expect.stringContaining('deleted on this device but changed on the server by bob'),
    );
  });
});

/** A card as a phone's contacts app puts it on the server: its own UID, no Clientele fields. */
const PHONE_CARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'PRODID:-//Apple Inc.//iPhone OS 17.4//EN',
  'UID:5B0C2D7E-8F9A-4B1C-A2D3-E4F5A6B7C8D9',
  'N:Lovelace;Ada;;;',
  'FN:Ada Lovelace',
  'EMAIL;TYPE=INTERNET,HOME:ada@x.example',
  'TEL;TYPE=CELL:+351 912 345 678',
  'X-ABRELATEDNAMES:Charles',
  'REV:2025-01-01T00:00:00Z',
  'END:VCARD',
  '',
].join('\r\n');

describe('a party imported from a card that is on the server already', () => {
  it('is matched by its UID: the server’s card updates the party, and no second one is made on either side', async () => {
    const server = new MemoryServer();
    const phoneHref = `${target.addressbook}5B0C2D7E-8F9A-4B1C-A2D3-E4F5A6B7C8D9.vcf`;
    await server.put(phoneHref, PHONE_CARD, 'text/vcard', { create: true });
    const a = device(server, 'alice');
    const outcome = await createParty(a.repo, {
      name: 'Ada Lovelace',
      kind: 'client',
      emails: ['ada@x.example'],
      notes: 'Met at the analytical engine demo.',
      cardUid: '5B0C2D7E-8F9A-4B1C-A2D3-E4F5A6B7C8D9',
    });
    if (!outcome.ok) throw new Error(outcome.error.message.code);
    const party = outcome.value.party;

    await a.sync();

    const parties = await (await a.repo.getDb()).getAll('parties');
    expect(parties.map((p) => p.id)).toEqual([party.id]);
    // The card's phone joins the record; what only Clientele knew stays, its kind's
    // history too (the card names no kind: the default it was read with is no change).
    expect(parties[0]).toMatchObject({
      kindHistory: party.kindHistory,
      kind: 'client',
      notes: 'Met at the analytical engine demo.',
      phones: ['+351912345678'],
      cardUid: '5B0C2D7E-8F9A-4B1C-A2D3-E4F5A6B7C8D9',
    });
    // One card on the server, the phone's, now carrying the record and the phone's own lines.
    expect([...server.objects.keys()]).toEqual([new URL(phoneHref).pathname]);
    const card = server.objects.get(new URL(phoneHref).pathname)!.data;
    expect(card).toContain('UID:5B0C2D7E-8F9A-4B1C-A2D3-E4F5A6B7C8D9');
    expect(card).toMatch(new RegExp(`^X-CLIENTELE-ID[^:]*:${party.id}\\r$`, 'm'));
    expect(card).toContain('X-ABRELATEDNAMES:Charles');
    expect(card).toContain('Met at the analytical engine demo.');
    // A value one side left empty is no conflict: nothing goes on the timeline.
    expect((await listInteractions(a.repo.getDb, party.id, { limit: 10 })).interactions).toEqual(
      [],
    );
    expect(await a.outbox()).toEqual([]);

    // Another device sees one record, under the same id.
    const b = device(server, 'bob');
    await b.sync();
    expect((await (await b.repo.getDb()).getAll('parties')).map((p) => p.id)).toEqual([party.id]);
  });

  it('is created on the server under its UID when the server does not have the card', async () => {
    const server = new MemoryServer();
    const a = device(server, 'alice');
    const outcome = await createParty(a.repo, {
      name: 'Grace Hopper',
      kind: 'customer',
      cardUid: 'urn:uuid:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    });
    if (!outcome.ok) throw new Error(outcome.error.message.code);
    expect(await a.sync()).toMatchObject({ sent: 1 });
    const cards = [...server.objects.values()].map((o) => o.data);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('UID:urn:uuid:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0');
    expect(await a.outbox()).toEqual([]);
    expect(await a.sync()).toMatchObject({ sent: 0, received: 0 });
  });
});

describe('a party whose card another device adopted under its own id', () => {
  const UID = '5B0C2D7E-8F9A-4B1C-A2D3-E4F5A6B7C8D9';
  const phoneHref = `${target.addressbook}${UID}.vcf`;

  it('moves to that id on the device that pulled the card first: one record, its timeline with it', async () => {
    const server = new MemoryServer();
    await server.put(phoneHref, PHONE_CARD, 'text/vcard', { create: true });
    const a = device(server, 'alice');
    const b = device(server, 'bob');
    await b.sync();
    await logInteraction(b.repo, {
      partyId: UID,
      type: 'call',
      summary: 'Kick-off',
      followUpAt: 1_760_000_000_000,
      requestId: 'kick-off',
    });
    await b.sync();
    const outcome = await createParty(a.repo, {
      name: 'Ada Lovelace',
      kind: 'client',
      emails: ['ada@x.example'],
      cardUid: UID,
    });
    if (!outcome.ok) throw new Error(outcome.error.message.code);
    const id = outcome.value.party.id;
    await a.sync();

    await b.sync();

    const db = await b.repo.getDb();
    expect((await db.getAll('parties')).map((p) => p.id)).toEqual([id]);
    expect(await getParty(b.repo.getDb, id)).toMatchObject({ kind: 'client', cardUid: UID });
    expect((await readSearchRows(b.repo.getDb)).map((row) => row.id)).toEqual([id]);
    const timeline = await listInteractions(b.repo.getDb, id, { limit: 10 });
    expect(timeline.interactions.map((i) => i.summary)).toEqual(['Kick-off']);
    expect((await db.getAll('followUps')).map((f) => f.partyId)).toEqual([id]);
    expect(await db.get('syncStates', `party:${UID}`)).toBeUndefined();
    // The re-pointed dealings wait to go up; nothing asks the server to delete the card.
    const [followUp] = await db.getAll('followUps');
    expect((await b.outbox()).map((e) => ('op' in e ? `${e.op} ${e.key}` : e.key)).sort()).toEqual(
      [`put followUp:${followUp?.id}`, `put interaction:${timeline.interactions[0]?.id}`].sort(),
    );

    await b.sync();
    await a.sync();
    expect(server.objects.has(new URL(phoneHref).pathname)).toBe(true);
    expect(await b.outbox()).toEqual([]);
    const onA = await listInteractions(a.repo.getDb, id, { limit: 10 });
    expect(onA.interactions.map((i) => i.summary)).toContain('Kick-off');
    expect((await (await a.repo.getDb()).getAll('followUps')).map((f) => f.partyId)).toEqual([id]);
  });

  it('moveParty: the people of an organisation follow it, and the old id leaves no deletion', async () => {
    const server = new MemoryServer();
    const a = device(server, 'alice');
    const org = await createParty(a.repo, {
      name: 'Harbour Lane',
      type: 'organization',
      kind: 'client',
      domains: ['harbourlane.example'],
    });
    if (!org.ok) throw new Error(org.error.message.code);
    const person = await createParty(a.repo, {
      name: 'Dora',
      kind: 'client',
      emails: ['dora@harbourlane.example'],
    });
    if (!person.ok) throw new Error(person.error.message.code);
    expect(person.value.party.organizationId).toBe(org.value.party.id);
    await a.sync();
    const from = org.value.party.id;
    const to = '00000000-0000-4000-8000-0000000000c1';
    const state = await a.store.synced(`party:${from}`);
    if (!state) throw new Error('not synced');

    await a.store.moveParty({
      fromId: from,
      record: {
        type: 'party',
        value: { party: { ...org.value.party, id: to }, engagements: [], purchases: [] },
      },
      state: { ...state, key: `party:${to}`, id: to },
      kept: [],
      send: false,
    });

    expect(await getParty(a.repo.getDb, from)).toBeUndefined();
    expect((await getParty(a.repo.getDb, person.value.party.id))?.organizationId).toBe(to);
    expect((await readSearchRows(a.repo.getDb)).map((row) => row.id).sort()).toEqual(
      [person.value.party.id, to].sort(),
    );
    expect(await a.store.synced(`party:${from}`)).toBeUndefined();
    expect((await a.store.synced(`party:${to}`))?.href).toBe(state.href);
    // The member's card names its organisation: it goes up. The old id goes quietly.
    expect((await a.outbox()).map((e) => e.key)).toEqual([`party:${person.value.party.id}`]);
  });
});
