import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../domain';
import { SyncEngine, type SyncTarget } from '../sync/engine';
import { MemoryServer } from '../sync/memory-server';
import { deleteParties } from './deletion-repository';
import { snoozeDue } from './due-repository';
import { logInteraction, listInteractions } from './interaction-repository';
import { createDbOpener } from './open';
import { createParty, getParty, updateParty } from './party-repository';
import { readSearchRows } from './search-projection';
import { KEPT_TAG } from './sync-history';
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
  if (!outcome.ok) throw new Error(outcome.error.message);
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
