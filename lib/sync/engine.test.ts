import { describe, expect, it } from 'vitest';
import type { Party } from '../domain/party';
import type { CodecContext, SyncRecord } from './codecs';
import type { DavPort } from './dav-port';
import { parentOf, SyncEngine, type SyncTarget } from './engine';
import { MemoryServer } from '../../tests/support/memory-server';
import { MemoryStore } from '../../tests/support/memory-store';

const target: SyncTarget = {
  addressbook: 'http://dav.test/alice/book/',
  calendar: 'http://dav.test/alice/tasks/',
  tokens: true,
};
const context: CodecContext = { cardVersion: '4.0', region: 'PT', defaultKind: 'prospect', now: 0 };
const ID = '00000000-0000-4000-8000-00000000000a';

function card(name: string): SyncRecord {
  const party: Party = {
    id: ID,
    type: 'person',
    name,
    kind: 'client',
    kindHistory: [{ kind: 'client', at: 0 }],
    emails: [],
    phones: [],
    domains: [],
    tags: [],
    notes: '',
    createdAt: 0,
    updatedAt: 1,
  };
  return { type: 'party', value: { party, engagements: [], purchases: [] } };
}

describe('the sync engine, a queued put whose record is gone', () => {
  it('deletes the server copy rather than only acknowledging the entry', async () => {
    const server = new MemoryServer();
    const here = new MemoryStore();
    const other = new MemoryStore();
    const engine = new SyncEngine(server, here, target, () => context);
    here.put(card('Ada'));
    await engine.sync();
    await new SyncEngine(server, other, target, () => context).sync();
    expect(other.records.size).toBe(1);

    // A put queued, and the record removed by a path that queued no deletion.
    here.put(card('Ada Lovelace'));
    here.records.delete(`party:${ID}`);
    const round = await engine.sync();

    expect(round.sent).toBe(1);
    expect(server.objects.size).toBe(0);
    expect(here.outbox.size).toBe(0);
    expect(here.states.size).toBe(0);
    // The other device hears of the deletion like any other.
    await new SyncEngine(server, other, target, () => context).sync();
    expect(other.records.size).toBe(0);
  });

  it('sends nothing for a record that never reached the server', async () => {
    const server = new MemoryServer();
    const here = new MemoryStore();
    here.put(card('Ada'));
    here.records.delete(`party:${ID}`);
    const round = await new SyncEngine(server, here, target, () => context).sync();
    expect(round.sent).toBe(0);
    expect(server.objects.size).toBe(0);
    expect(here.outbox.size).toBe(0);
  });
});

/** The port's calls by method name, as the requests a real server would get. */
function counted(server: DavPort) {
  const calls: string[] = [];
  const port = new Proxy(server, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(name));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { port, calls };
}

function followUp(note: string): SyncRecord {
  return {
    type: 'followUp',
    value: {
      id: '00000000-0000-4000-8000-00000000000b',
      partyId: ID,
      dueAt: 5,
      note,
      status: 'open',
      createdAt: 0,
    },
  };
}

describe('the sync engine, a round with nothing new', () => {
  it('asks one thing when both collections share a parent, and pulls only what changed', async () => {
    const server = new MemoryServer();
    const here = new MemoryStore();
    const other = new MemoryStore();
    here.put(card('Ada'));
    here.put(followUp('Call back'));
    await new SyncEngine(server, here, target, () => context).sync();
    await new SyncEngine(server, other, target, () => context).sync();

    const quiet = counted(server);
    await new SyncEngine(quiet.port, other, target, () => context).sync();
    expect(quiet.calls).toEqual(['versionsIn']);

    // A follow-up changed on the other device: the calendar is pulled, the book is not.
    here.put(followUp('Call back on Monday'));
    await new SyncEngine(server, here, target, () => context).sync();
    const after = counted(server);
    const round = await new SyncEngine(after.port, other, target, () => context).sync();
    expect(after.calls).toEqual(['versionsIn', 'changesSince', 'fetchObjects']);
    expect(round.received).toBe(1);
    const note = other.records.get('followUp:00000000-0000-4000-8000-00000000000b');
    expect(note?.type === 'followUp' && note.value.note).toBe('Call back on Monday');
  });

  it('asks each collection when they live apart, as before', async () => {
    const apart: SyncTarget = { ...target, calendar: 'http://dav.test/calendars/alice/tasks/' };
    const server = new MemoryServer();
    const here = new MemoryStore();
    here.put(card('Ada'));
    await new SyncEngine(server, here, apart, () => context).sync();
    const quiet = counted(server);
    await new SyncEngine(quiet.port, here, apart, () => context).sync();
    expect(quiet.calls).toEqual(['changesSince', 'changesSince']);
  });

  it('pulls both when the parent listing leaves a collection out', async () => {
    const server = new MemoryServer();
    const here = new MemoryStore();
    here.put(card('Ada'));
    await new SyncEngine(server, here, target, () => context).sync();
    // Nothing was ever written to the calendar, so the listing has no mark for it.
    const quiet = counted(server);
    await new SyncEngine(quiet.port, here, target, () => context).sync();
    expect(quiet.calls).toEqual(['versionsIn', 'changesSince']);
  });

  it('starts over when the synced state was forgotten, whatever the marks say', async () => {
    const server = new MemoryServer();
    const here = new MemoryStore();
    here.put(card('Ada'));
    await new SyncEngine(server, here, target, () => context).sync();
    // As forgetSyncedState does when the account or its collections change.
    here.states.clear();
    here.tokens.clear();
    const round = await new SyncEngine(server, here, target, () => context).sync();
    expect(round.received).toBe(1);
    expect(here.states.size).toBe(1);
  });
});

describe('parentOf', () => {
  it('is the home a collection sits in, with or without its trailing slash', () => {
    expect(parentOf('http://dav.test/alice/book/')).toBe('http://dav.test/alice/');
    expect(parentOf('http://dav.test/alice/book')).toBe('http://dav.test/alice/');
  });
});

describe('the sync engine, a party imported from another app’s card', () => {
  const UID = 'ab12cd34-from-the-phone';
  const phoneCard = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:${UID}`,
    'FN:Ada Lovelace',
    'TEL;TYPE=CELL:+351912345678',
    'REV:2025-01-01T00:00:00Z',
    'END:VCARD',
    '',
  ].join('\r\n');
  const imported = () => {
    const record = card('Ada Lovelace');
    if (record.type === 'party') record.value.party.cardUid = UID;
    return record;
  };
  const followUp: SyncRecord = {
    type: 'followUp',
    value: {
      id: '00000000-0000-4000-8000-0000000000f1',
      partyId: ID,
      dueAt: 10,
      note: 'Send the notes',
      status: 'open',
      createdAt: 2,
      updatedAt: 2,
    },
  };

  it('updates the server’s copy, found by its UID, and sends its follow-up after it', async () => {
    const server = new MemoryServer();
    await server.put(`${target.addressbook}phone-card.vcf`, phoneCard, 'text/vcard', {
      create: true,
    });
    const here = new MemoryStore();
    here.put(imported());
    here.put(followUp);
    const puts: string[] = [];
    const put = server.put.bind(server);
    server.put = (href, ...rest) => (
      puts.push(new URL(href, target.addressbook).pathname),
      put(href, ...rest)
    );

    await new SyncEngine(server, here, target, () => context).sync();

    expect([...here.records.keys()].sort()).toEqual([
      `followUp:${followUp.value.id}`,
      `party:${ID}`,
    ]);
    expect(here.outbox.size).toBe(0);
    const party = here.records.get(`party:${ID}`);
    expect(party?.type === 'party' && party.value.party.phones).toEqual(['+351912345678']);
    // The phone's card is the party's: updated in place, never created beside it.
    expect(puts).toEqual(['/alice/book/phone-card.vcf', `/alice/tasks/${followUp.value.id}.ics`]);
    expect(server.objects.size).toBe(2);
    const other = new MemoryStore();
    await new SyncEngine(server, other, target, () => context).sync();
    expect([...other.records.keys()].sort()).toEqual([...here.records.keys()].sort());
  });

  it('pulls the address book for a held party even when its mark says unchanged', async () => {
    // A mark that lags the collection (a server that updates it after answering, or a
    // cached one): the round must still look, or the held party is created beside the
    // server's copy of its card (a duplicate, or a UID conflict the server refuses).
    const server = new MemoryServer();
    const here = new MemoryStore();
    const another = phoneCard.replace(`UID:${UID}`, 'UID:another-card').replace('Ada', 'Bea');
    await server.put(`${target.addressbook}another.vcf`, another, 'text/vcard', { create: true });
    await new SyncEngine(server, here, target, () => context).sync();
    const before = await server.versionsIn(parentOf(target.addressbook));
    expect(before.has('/alice/book/')).toBe(true);
    await server.put(`${target.addressbook}phone-card.vcf`, phoneCard, 'text/vcard', {
      create: true,
    });
    here.put(imported());
    const puts: string[] = [];
    const lagging: DavPort = {
      put: (href, ...rest) => (
        puts.push(new URL(href, target.addressbook).pathname),
        server.put(href, ...rest)
      ),
      remove: (...args) => server.remove(...args),
      changesSince: (...args) => server.changesSince(...args),
      listEtags: (...args) => server.listEtags(...args),
      fetchObjects: (...args) => server.fetchObjects(...args),
      versionsIn: () => Promise.resolve(before),
    };

    await new SyncEngine(lagging, here, target, () => context).sync();

    expect(puts).toEqual(['/alice/book/phone-card.vcf']);
    expect(server.objects.size).toBe(2);
    expect([...here.records.keys()].sort()).toEqual(['party:another-card', `party:${ID}`].sort());
  });

  it('creates the card under its UID when the server does not have it', async () => {
    const server = new MemoryServer();
    const here = new MemoryStore();
    here.put(imported());
    const round = await new SyncEngine(server, here, target, () => context).sync();
    expect(round.sent).toBe(1);
    expect([...server.objects.keys()]).toEqual([`/alice/book/${ID}.vcf`]);
    expect([...server.objects.values()][0]?.data).toContain(`UID:${UID}`);
  });
});

describe('the sync engine, one card imported on two devices', () => {
  const UID = 'EFGH-5678@phone';
  const phoneCard = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:${UID}`,
    'FN:Dora Vieira',
    'TEL;TYPE=CELL:+351912345678',
    'REV:2025-01-01T00:00:00Z',
    'END:VCARD',
    '',
  ].join('\r\n');
  const phoneHref = `${target.addressbook}phone-card.vcf`;
  /** The same card, imported from a file on a device: its own id, the card's UID kept. */
  const imported = (at = 50): SyncRecord => {
    const record = card('Dora Vieira');
    if (record.type !== 'party') throw new Error('not a party');
    Object.assign(record.value.party, {
      cardUid: UID,
      kind: 'customer',
      kindHistory: [{ kind: 'customer', at }],
      emails: ['dora@harbourlane.example'],
      notes: 'Imported from the phone’s export.',
      createdAt: at,
      updatedAt: at,
    });
    return record;
  };
  const task = (id: string, partyId: string, note: string): SyncRecord => ({
    type: 'followUp',
    value: { id, partyId, dueAt: 10, note, status: 'open', createdAt: 60, updatedAt: 60 },
  });
  const parties = (store: MemoryStore) =>
    [...store.records.values()].flatMap((r) => (r.type === 'party' ? [r.value.party] : []));
  const TASK_B = '00000000-0000-4000-8000-0000000000b1';

  async function settle(...engines: SyncEngine[]) {
    for (let i = 0; i < 3; i++) for (const engine of engines) await engine.sync();
  }

  it('moves a pulled party to the id another device adopted its card under: one record, its dealings re-pointed', async () => {
    const server = new MemoryServer();
    await server.put(phoneHref, phoneCard, 'text/vcard', { create: true });
    const a = new MemoryStore();
    const b = new MemoryStore();
    const onA = new SyncEngine(server, a, target, () => context);
    const onB = new SyncEngine(server, b, target, () => context);
    // B pulls the phone's card (its UID is the party's id there) and plans a call on it.
    await onB.sync();
    expect(parties(b).map((p) => p.id)).toEqual([UID]);
    b.put(task(TASK_B, UID, 'Call Dora'));
    await onB.sync();
    // A imports the same card, adopts the server's copy, and writes it back under its id.
    a.put(imported());
    await onA.sync();
    expect(server.objects.get('/alice/book/phone-card.vcf')?.data).toMatch(
      new RegExp(`^X-CLIENTELE-ID[^:]*:${ID}\r$`, 'm'),
    );

    await onB.sync();

    expect(parties(b).map((p) => p.id)).toEqual([ID]);
    expect(parties(b)[0]).toMatchObject({ kind: 'customer', cardUid: UID });
    expect(b.records.get(`followUp:${TASK_B}`)?.value).toMatchObject({ partyId: ID });
    expect(b.states.has(`party:${UID}`)).toBe(false);
    // The card stays: the old id's departure deletes nothing on the server.
    expect(server.objects.has('/alice/book/phone-card.vcf')).toBe(true);
    await settle(onB, onA);
    expect(b.outbox.size + a.outbox.size).toBe(0);
    expect(server.objects.get(`/alice/tasks/${TASK_B}.ics`)?.data).toContain(`RELATED-TO:${ID}`);
    expect(a.records.get(`followUp:${TASK_B}`)?.value).toMatchObject({ partyId: ID });
    expect(b.book()).toEqual(a.book());
    expect(server.objects.size).toBe(2);
  });

  it('keeps what was changed on the moved party meanwhile, and sends it', async () => {
    const server = new MemoryServer();
    await server.put(phoneHref, phoneCard, 'text/vcard', { create: true });
    const a = new MemoryStore();
    const b = new MemoryStore();
    const onA = new SyncEngine(server, a, target, () => context);
    const onB = new SyncEngine(server, b, target, () => context);
    await onB.sync();
    a.put(imported());
    await onA.sync();
    // B edits its copy before it hears of A's adoption: its put meets a 412.
    const pulled = b.records.get(`party:${UID}`);
    if (pulled?.type !== 'party') throw new Error('not pulled');
    b.put({
      type: 'party',
      value: {
        ...pulled.value,
        party: { ...pulled.value.party, title: 'Harbour master', updatedAt: 70 },
      },
    });

    await settle(onB, onA);

    expect(parties(b).map((p) => p.id)).toEqual([ID]);
    for (const store of [a, b])
      expect(parties(store)[0]).toMatchObject({
        title: 'Harbour master',
        notes: 'Imported from the phone’s export.',
        kind: 'customer',
      });
    expect(b.outbox.size + a.outbox.size).toBe(0);
    expect(b.book()).toEqual(a.book());
    expect(server.objects.size).toBe(1);
  });

  it('folds a card imported after its server copy was pulled into that copy: no 409, nothing lost', async () => {
    const server = new MemoryServer();
    await server.put(phoneHref, phoneCard, 'text/vcard', { create: true });
    const a = new MemoryStore();
    const b = new MemoryStore();
    const onA = new SyncEngine(server, a, target, () => context);
    const onB = new SyncEngine(server, b, target, () => context);
    await onA.sync();
    await onB.sync();
    // The same card imported on A from a file, with a follow-up, after A pulled it.
    const TASK_A = '00000000-0000-4000-8000-0000000000a1';
    a.put(imported(80));
    a.put(task(TASK_A, ID, 'Send the quote'));

    await onA.sync();

    expect(parties(a).map((p) => p.id)).toEqual([UID]);
    expect(parties(a)[0]).toMatchObject({
      kind: 'customer',
      emails: ['dora@harbourlane.example'],
      phones: ['+351912345678'],
      notes: 'Imported from the phone’s export.',
    });
    expect(a.records.get(`followUp:${TASK_A}`)?.value).toMatchObject({ partyId: UID });
    await settle(onA, onB);
    expect(a.outbox.size + b.outbox.size).toBe(0);
    expect([...server.objects.keys()].sort()).toEqual([
      '/alice/book/phone-card.vcf',
      `/alice/tasks/${TASK_A}.ics`,
    ]);
    expect(b.book()).toEqual(a.book());
  });
});
