// @vitest-environment node
// The sync engine against real servers — Radicale and Xandikos, started on
// loopback by the test — through tsdav over Node's fetch (the browser's fetch API).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDavServer, type DavServer } from '../../scripts/dav-servers.mjs';
import type { Party } from '../../lib/domain/party';
import { SyncFailure } from '../../lib/sync/backoff';
import type { CodecContext, SyncRecord } from '../../lib/sync/codecs';
import { countingFetch, DavClient } from '../../lib/sync/dav-client';
import { davPort } from '../../lib/sync/dav-port';
import { pathOf } from '../../lib/sync/dav-responses';
import { cardVersionFor, createCollection, discover } from '../../lib/sync/discovery';
import { parentOf, SyncEngine, type SyncTarget } from '../../lib/sync/engine';
import { MemoryStore } from '../support/memory-store';

const T0 = Date.UTC(2026, 11, 1, 9);

function party(n: number, overrides: Partial<Party> = {}): SyncRecord {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    type: 'party',
    value: {
      party: {
        id,
        type: 'person',
        name: `Person ${n}`,
        kind: 'client',
        kindHistory: [{ kind: 'client', at: T0 }],
        emails: [`person${n}@example.com`],
        phones: ['+351912345678'],
        domains: [],
        tags: [],
        notes: '',
        createdAt: T0,
        updatedAt: T0 + n,
        ...overrides,
      },
      engagements: [],
      purchases: [],
    },
  };
}

function partyOf(record: SyncRecord | undefined): Party {
  if (record?.type !== 'party') throw new Error('not a party');
  return record.value.party;
}

const keyOf = (n: number) => `party:${partyOf(party(n)).id}`;

// Each round trips to a real server on a shared 2-core machine: generous limits, no time asserted.
describe.each(['radicale', 'xandikos'] as const)('sync with %s', { timeout: 180_000 }, (kind) => {
  let server: DavServer;
  let target: SyncTarget;
  let context: CodecContext;
  const client = (password?: string, fetcher?: typeof fetch) =>
    new DavClient(
      { server: `${server.base}/`, user: server.user, password: password ?? server.password },
      fetcher,
    );
  const device = (fetcher?: typeof fetch, password?: string) => {
    const store = new MemoryStore();
    return {
      store,
      engine: new SyncEngine(davPort(client(password, fetcher)), store, target, () => context),
    };
  };

  beforeAll(async () => {
    server = await startDavServer(kind);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('discovers the homes, creates an address book and a calendar, and finds them again', async () => {
    const found = await discover(client());
    expect(found.principal).toBe('/alice/');
    const addressbook = await createCollection(
      client(),
      found.addressbookHome ?? '',
      'addressbook',
      'clientele',
      'Clientele',
    );
    const calendar = await createCollection(
      client(),
      found.calendarHome ?? '',
      'calendar',
      'clientele-tasks',
      'Clientele tasks',
    );
    const again = await discover(client());
    const book = again.addressbooks.find((c) => addressbook.endsWith(c.href));
    expect(book?.displayName).toBe('Clientele');
    expect(again.calendars.some((c) => calendar.endsWith(c.href))).toBe(true);
    target = { addressbook, calendar, tokens: book?.syncToken !== undefined };
    expect(target.tokens).toBe(true);
    context = {
      cardVersion: cardVersionFor(book ?? { cardVersions: [] }),
      region: 'PT',
      defaultKind: 'prospect',
      now: T0,
    };
    console.log(
      `${kind}: homes ${found.addressbookHome} ${found.calendarHome}; vCard ${context.cardVersion}`,
    );
  });

  it('uploads parties, follow-ups and journal entries; a second device gets the same book', async () => {
    const a = device();
    for (let n = 1; n <= 5; n++) a.store.put(party(n));
    const partyId = partyOf(party(1)).id;
    a.store.put({
      type: 'followUp',
      value: {
        id: 'f-1',
        partyId,
        dueAt: T0 + 86_400_000,
        note: 'Call back',
        status: 'open',
        createdAt: T0,
      },
    });
    a.store.put({
      type: 'interaction',
      value: {
        id: 'i-1',
        partyId,
        type: 'email',
        direction: 'inbound',
        at: T0,
        summary: 'Asked for a quote',
        requestId: 'r1',
        createdAt: T0,
      },
    });
    const round = await a.engine.sync();
    expect(round.sent).toBe(7);
    expect(a.store.outbox.size).toBe(0);
    const b = device();
    await b.engine.sync();
    expect(b.store.book()).toEqual(a.store.book());
  });

  it('a follow-up done on one device is closed on the other', async () => {
    const a = device();
    const b = device();
    await a.engine.sync();
    await b.engine.sync();
    const open = a.store.records.get('followUp:f-1');
    if (open?.type !== 'followUp') throw new Error('no follow-up');
    b.store.put({
      type: 'followUp',
      value: { ...open.value, status: 'done', doneAt: T0 + 3600_000 },
    });
    await b.engine.sync();
    await a.engine.sync();
    expect(a.store.records.get('followUp:f-1')).toMatchObject({ value: { status: 'done' } });
  });

  it('with no changes, a sync costs one request (two where the collections live apart) and the same bytes each time', async () => {
    const counting = countingFetch();
    const a = device(counting.fetch);
    await a.engine.sync();
    const snap = () => ({ ...counting.counts });
    const s1 = snap();
    await a.engine.sync();
    const s2 = snap();
    await a.engine.sync();
    const s3 = snap();
    const delta = (x: typeof s1, y: typeof s1) => ({
      requests: y.requests - x.requests,
      sent: y.bytesSent - x.bytesSent,
      received: y.bytesReceived - x.bytesReceived,
    });
    // Radicale keeps the address book and the calendar in one home: one PROPFIND on it
    // reads both versions. Xandikos keeps a home per kind: each collection is asked.
    expect(delta(s1, s2).requests).toBe(kind === 'radicale' ? 1 : 2);
    expect(delta(s2, s3)).toEqual(delta(s1, s2));
    console.log(`${kind}: no-change sync`, delta(s1, s2));
  });

  it('100 changes cost at most 100 requests plus a constant', async () => {
    const counting = countingFetch();
    const a = device(counting.fetch);
    await a.engine.sync();
    const before = counting.counts.requests;
    for (let n = 100; n < 200; n++) a.store.put(party(n));
    await a.engine.sync();
    const used = counting.counts.requests - before;
    expect(used).toBeLessThanOrEqual(100 + 2);
    console.log(`${kind}: 100 changes = ${used} requests`);
    const b = device();
    await b.engine.sync();
    expect(b.store.book()).toEqual(a.store.book());
  });

  it('one record edited on two devices while apart: a 412, a merge, nothing lost, both equal', async () => {
    const a = device();
    const b = device();
    await a.engine.sync();
    await b.engine.sync();
    const base = partyOf(a.store.records.get(keyOf(2)));
    a.store.put(party(2, { ...base, title: 'Director', notes: 'from A', updatedAt: T0 + 1000 }));
    b.store.put(
      party(2, { ...base, website: 'https://b.example/', notes: 'from B', updatedAt: T0 + 2000 }),
    );
    await a.engine.sync();
    const round = await b.engine.sync();
    expect(round.conflicts).toBeGreaterThan(0);
    await a.engine.sync();
    expect(partyOf(a.store.records.get(keyOf(2)))).toMatchObject({
      title: 'Director',
      website: 'https://b.example/',
      notes: 'from B',
    });
    expect(b.store.book()).toEqual(a.store.book());
    expect(b.store.kept).toContainEqual({
      key: keyOf(2),
      conflict: expect.objectContaining({ field: 'notes', replaced: 'from A' }),
    });
  });

  it('a card a phone PUT (vCard 3.0, Apple habits) comes in, and its extras survive our edit', async () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Apple Inc.//iPhone OS 17.1//EN',
      'N:Okafor;Chidi;;;',
      'FN:Chidi Okafor',
      'ORG:Okafor Builders;',
      'item1.EMAIL;type=INTERNET;type=pref:chidi@okafor.example',
      'item1.X-ABLabel:_$!<Other>!$_',
      'TEL;type=CELL;type=VOICE;type=pref:+44 7911 123456',
      'CATEGORIES:Customer',
      'BDAY:1980-04-12',
      'UID:4C1B6D7E-AAAA-4BBB-8CCC-0123456789AB',
      'END:VCARD',
      '',
    ].join('\r\n');
    const href = new URL('iphone-card.vcf', target.addressbook).href;
    const put = await client().put(href, card, 'text/vcard', { create: true });
    expect(put.status).toBeLessThan(300);
    const a = device();
    await a.engine.sync();
    const key = 'party:4C1B6D7E-AAAA-4BBB-8CCC-0123456789AB';
    const came = partyOf(a.store.records.get(key));
    expect(came).toMatchObject({
      name: 'Chidi Okafor',
      kind: 'customer',
      phones: ['+447911123456'],
    });
    a.store.put({
      type: 'party',
      value: {
        party: { ...came, title: 'Owner', updatedAt: T0 + 5000 },
        engagements: [],
        purchases: [],
      },
    });
    await a.engine.sync();
    const [object] = await davPort(client()).fetchObjects(target.addressbook, 'addressbook', [
      href,
    ]);
    expect(object?.data).toContain('TITLE:Owner');
    expect(object?.data).toMatch(/BDAY/);
    expect(object?.data).toMatch(/X-ABLABEL/i);
  });

  it('a card imported here while another app’s copy is on the server: the one-request probe sees the book changed, and the copy becomes the party’s', async () => {
    const a = device();
    const b = device();
    await a.engine.sync();
    await b.engine.sync();
    const probe = async () =>
      (await davPort(client()).versionsIn?.(parentOf(target.addressbook))) ?? new Map();
    const before = await probe();
    // A phone's card, its UID in its file name as phones write it (an `@` in the path).
    const uid = `IJKL-${kind}-9012@phone`;
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Vieira;Dora;;;',
      'FN:Dora Vieira',
      'EMAIL;type=INTERNET:dora@harbourlane.example',
      `UID:${uid}`,
      'END:VCARD',
      '',
    ].join('\r\n');
    const put = await client().put(
      new URL(`${uid}.vcf`, target.addressbook).href,
      card,
      'text/vcard',
      {
        create: true,
      },
    );
    expect(put.status).toBeLessThan(300);
    const after = await probe();
    if (kind === 'radicale') {
      // The mark the shortcut compares moves with another client's write, and only the
      // collection written to moves.
      const book = pathOf(target.addressbook);
      expect(after.get(book)).toBeDefined();
      expect(after.get(book)).not.toBe(before.get(book));
      expect(after.get(pathOf(target.calendar))).toBe(before.get(pathOf(target.calendar)));
    }
    a.store.put(
      party(60, {
        name: 'Dora Vieira',
        kind: 'customer',
        emails: ['dora@harbourlane.example'],
        notes: 'Imported from the phone’s export.',
        cardUid: uid,
      }),
    );
    await a.engine.sync();
    await b.engine.sync();

    const listed = await davPort(client()).listEtags(target.addressbook);
    const objects = await davPort(client()).fetchObjects(
      target.addressbook,
      'addressbook',
      listed.map((l) => l.href),
    );
    expect(objects.filter((o) => o.data.includes(`UID:${uid}`))).toHaveLength(1);
    for (const store of [a.store, b.store]) {
      const doras = [...store.records.values()].filter(
        (r) => r.type === 'party' && r.value.party.emails.includes('dora@harbourlane.example'),
      );
      expect(doras.map((r) => partyOf(r))).toEqual([
        expect.objectContaining({ kind: 'customer', notes: 'Imported from the phone’s export.' }),
      ]);
    }
  });

  it('one card imported on two devices: the device that pulled it first moves it to the adopted id, and an import after the pull folds into it (no 409)', async () => {
    const a = device();
    const b = device();
    const c = device();
    const uid = `MNOP-${kind}-3456@phone`;
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Rui Costa',
      'EMAIL;type=INTERNET:rui@quayside.example',
      `UID:${uid}`,
      'END:VCARD',
      '',
    ].join('\r\n');
    const href = new URL(`${uid}.vcf`, target.addressbook).href;
    expect((await client().put(href, card, 'text/vcard', { create: true })).status).toBeLessThan(
      300,
    );
    await b.engine.sync();
    await c.engine.sync();
    const imported = (n: number, notes: string) =>
      party(n, { name: 'Rui Costa', emails: ['rui@quayside.example'], notes, cardUid: uid });
    // A imports the card and adopts the server's copy under its own id.
    a.store.put(imported(70, 'Imported on A.'));
    await a.engine.sync();
    // C imports it too, after it had pulled the copy: folded, never created beside it.
    c.store.put(imported(71, 'Imported on C.'));
    for (let round = 0; round < 3; round++) for (const side of [a, b, c]) await side.engine.sync();

    const listed = await davPort(client()).listEtags(target.addressbook);
    const objects = await davPort(client()).fetchObjects(
      target.addressbook,
      'addressbook',
      listed.map((l) => l.href),
    );
    expect(objects.filter((o) => o.data.includes(`UID:${uid}`))).toHaveLength(1);
    const ruis = [a, b, c].map((side) =>
      [...side.store.records.values()].filter(
        (r) => r.type === 'party' && r.value.party.emails.includes('rui@quayside.example'),
      ),
    );
    for (const found of ruis) expect(found).toHaveLength(1);
    expect(partyOf(ruis[1]?.[0]).id).toBe(partyOf(imported(70, '')).id);
    expect(ruis[1]).toEqual(ruis[0]);
    expect(ruis[2]).toEqual(ruis[0]);
    for (const side of [a, b, c]) expect(side.store.outbox.size).toBe(0);
  });

  it('a deletion on one device reaches the other', async () => {
    const a = device();
    const b = device();
    await a.engine.sync();
    await b.engine.sync();
    a.store.delete('party', partyOf(party(3)).id);
    await a.engine.sync();
    await b.engine.sync();
    expect(b.store.records.has(keyOf(3))).toBe(false);
    expect(b.store.book()).toEqual(a.store.book());
  });

  it('a wrong password is an auth failure, and the outbox keeps the change', async () => {
    const a = device(undefined, 'wrong');
    a.store.put(party(999));
    await expect(a.engine.sync()).rejects.toEqual(expect.objectContaining({ kind: 'auth' }));
    expect(a.store.outbox.size).toBe(1);
  });

  it('a server error fails the round without losing the change; the next round sends it', async () => {
    const a = device();
    await a.engine.sync();
    a.store.put(party(4, { notes: 'after the outage', updatedAt: T0 + 9000 }));
    server.failNext(503);
    await expect(a.engine.sync()).rejects.toBeInstanceOf(SyncFailure);
    expect(a.store.outbox.size).toBe(1);
    await a.engine.sync();
    expect(a.store.outbox.size).toBe(0);
  });
});
