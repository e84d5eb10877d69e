// The sync benchmark's measuring half, run in Node by bench/sync.mjs against real
// Radicale and Xandikos on loopback: the same engine, codecs and tsdav client the
// service worker runs, over Node's fetch (the same fetch API), with an in-memory
// store so that what is timed is the sync's own work and the server's.
import type { Party } from '../lib/domain/party';
import {
  encode,
  fileName,
  contentType,
  idOf,
  type CodecContext,
  type SyncRecord,
} from '../lib/sync/codecs';
import { countingFetch, DavClient, type Fetch } from '../lib/sync/dav-client';
import { davPort } from '../lib/sync/dav-port';
import { cardVersionFor, createCollection, discover } from '../lib/sync/discovery';
import { SyncEngine } from '../lib/sync/engine';
import { MemoryStore } from '../tests/support/memory-store';

export interface Server {
  base: string;
  user: string;
  password: string;
  /** The server process's CPU milliseconds so far, where the system tells. */
  cpuMs?: () => number | undefined;
}

const T0 = Date.UTC(2026, 11, 1, 9);
const uuid = (prefix: string, n: number) =>
  `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

function party(n: number, edit = 0): SyncRecord {
  const value: Party = {
    id: uuid('00000000', n),
    type: 'person',
    name: `Person ${n}`,
    kind: n % 3 === 0 ? 'client' : n % 3 === 1 ? 'customer' : 'prospect',
    kindHistory: [{ kind: 'client', at: T0 }],
    emails: [`person${n}@example.com`],
    phones: ['+351912345678'],
    domains: [],
    tags: n % 5 === 0 ? ['retainer'] : [],
    notes: edit ? `Edited ${edit}` : '',
    createdAt: T0,
    updatedAt: T0 + n + edit,
  };
  return { type: 'party', value: { party: value, engagements: [], purchases: [] } };
}

/** The book of the budget: parties, two interactions each, a follow-up for every fifth. */
export function book(parties: number): SyncRecord[] {
  const records: SyncRecord[] = [];
  for (let n = 0; n < parties; n++) {
    const partyId = uuid('00000000', n);
    records.push(party(n));
    for (let i = 0; i < 2; i++)
      records.push({
        type: 'interaction',
        value: {
          id: uuid('11111111', n * 2 + i),
          partyId,
          type: i ? 'email' : 'call',
          direction: 'outbound',
          at: T0 + n * 1000 + i,
          summary: `Talked about order ${n}-${i}`,
          requestId: `bench-${n}-${i}`,
          createdAt: T0 + n * 1000 + i,
        },
      });
    if (n % 5 === 0)
      records.push({
        type: 'followUp',
        value: {
          id: uuid('22222222', n),
          partyId,
          dueAt: T0 + 86_400_000,
          note: `Check in with ${n}`,
          status: 'open',
          createdAt: T0,
        },
      });
  }
  return records;
}

async function collections(client: DavClient, prefix: string) {
  const found = await discover(client);
  const addressbook = await createCollection(
    client,
    found.addressbookHome ?? '',
    'addressbook',
    `${prefix}-book`,
    prefix,
  );
  const calendar = await createCollection(
    client,
    found.calendarHome ?? '',
    'calendar',
    `${prefix}-cal`,
    prefix,
  );
  const again = await discover(client);
  const listed = again.addressbooks.find((c) => addressbook.endsWith(c.href));
  return {
    target: { addressbook, calendar, tokens: listed?.syncToken !== undefined },
    cardVersion: cardVersionFor(listed ?? { cardVersions: [] }),
  };
}

const seconds = (start: number) => (performance.now() - start) / 1000;
const spent = (from: number | undefined, to: number | undefined) =>
  from !== undefined && to !== undefined ? to - from : undefined;

/** Runs every measure against one server; `parties` sizes the book (10,000 in the budget). */
export async function measure(server: Server, parties: number) {
  const account = { server: `${server.base}/`, user: server.user, password: server.password };
  const records = book(parties);

  // The floor: the same objects, already encoded, PUT one after another (the engine's
  // concurrency is one request at a time) with If-None-Match: *, nothing else.
  const bare = await collections(new DavClient(account), 'bare');
  const context: CodecContext = {
    cardVersion: bare.cardVersion,
    region: 'PT',
    defaultKind: 'prospect',
    now: T0,
  };
  const names = new Map(
    records.flatMap((r) => (r.type === 'party' ? [[r.value.party.id, r.value.party.name]] : [])),
  );
  const nameOf = (r: SyncRecord) =>
    r.type === 'party' ? r.value.party.name : (names.get(r.value.partyId) ?? 'a contact');
  const encodeStart = performance.now();
  const bodies = records.map((r) => ({
    url: new URL(
      fileName(r.type, r.type === 'party' ? r.value.party.id : r.value.id),
      r.type === 'party' ? bare.target.addressbook : bare.target.calendar,
    ).href,
    type: contentType(r.type),
    text: encode(r, undefined, context, nameOf(r)),
  }));
  const encodeMs = performance.now() - encodeStart;
  const bareClient = new DavClient(account);
  const cpu = () => server.cpuMs?.();
  let cpuStart = cpu();
  let start = performance.now();
  for (const body of bodies) {
    const put = await bareClient.put(body.url, body.text, body.type, { create: true });
    if (put.status >= 300) throw new Error(`bare PUT answered ${put.status}`);
  }
  const bareSeconds = seconds(start);
  const bareCpu = spent(cpuStart, cpu());

  // Ours: a device whose whole book waits in the outbox, one sync round.
  const ours = await collections(new DavClient(account), 'ours');
  const counting = countingFetch();
  const store = new MemoryStore();
  for (const record of records) store.put(record);
  const engine = (fetcher: Fetch) =>
    new SyncEngine(davPort(new DavClient(account, fetcher)), store, ours.target, () => ({
      ...context,
      cardVersion: ours.cardVersion,
    }));
  cpuStart = cpu();
  start = performance.now();
  const first = await engine(counting.fetch).sync();
  const oursSeconds = seconds(start);
  const oursCpu = spent(cpuStart, cpu());
  if (first.sent !== records.length) throw new Error(`sent ${first.sent} of ${records.length}`);

  // Nothing changed: what one more round costs, twice (constant bytes: the same both times).
  const quiet = [];
  for (let i = 0; i < 2; i++) {
    const counted = countingFetch();
    await engine(counted.fetch).sync();
    quiet.push({ ...counted.counts });
  }

  // A hundred parties edited on this device.
  for (let n = 0; n < 100; n++) store.put(party(n, 1));
  const changed = countingFetch();
  const round = await engine(changed.fetch).sync();

  return {
    records: records.length,
    parties,
    tokens: ours.target.tokens,
    cardVersion: ours.cardVersion,
    bareSeconds,
    oursSeconds,
    bareRecordsPerSecond: records.length / bareSeconds,
    oursRecordsPerSecond: records.length / oursSeconds,
    ratio: bareSeconds / oursSeconds,
    firstRequests: counting.counts.requests,
    time: {
      encodeMsPerRecord: encodeMs / records.length,
      bareWallMsPerRecord: (bareSeconds * 1000) / records.length,
      oursWallMsPerRecord: (oursSeconds * 1000) / records.length,
      ...(bareCpu !== undefined ? { bareServerCpuMsPerRecord: bareCpu / records.length } : {}),
      ...(oursCpu !== undefined ? { oursServerCpuMsPerRecord: oursCpu / records.length } : {}),
    },
    quiet,
    hundred: { ...changed.counts, sent: round.sent },
  };
}

/**
 * The server's time per PUT as its collections fill: the book's records PUT bare, one
 * at a time, the wall time of each `step` of them reported with how many the
 * collections held before it. A time that grows with the count makes the first upload
 * quadratic in the book, whatever the client does.
 */
export async function putCurve(
  server: Server,
  parties: number,
  step: number,
  report: (point: { before: number; msPerPut: number; serverCpuMsPerPut?: number }) => void,
) {
  const account = { server: `${server.base}/`, user: server.user, password: server.password };
  const records = book(parties);
  const target = await collections(new DavClient(account), 'curve');
  const context: CodecContext = {
    cardVersion: target.cardVersion,
    region: 'PT',
    defaultKind: 'prospect',
    now: T0,
  };
  const client = new DavClient(account);
  for (let at = 0; at < records.length; at += step) {
    const start = performance.now();
    const cpuStart = server.cpuMs?.();
    const slice = records.slice(at, at + step);
    for (const r of slice) {
      const collection = r.type === 'party' ? target.target.addressbook : target.target.calendar;
      const url = new URL(fileName(r.type, idOf(r)), collection).href;
      const put = await client.put(
        url,
        encode(r, undefined, context, 'a contact'),
        contentType(r.type),
        {
          create: true,
        },
      );
      if (put.status >= 300) throw new Error(`PUT answered ${put.status}`);
    }
    const cpu = spent(cpuStart, server.cpuMs?.());
    report({
      before: at,
      msPerPut: (performance.now() - start) / slice.length,
      ...(cpu !== undefined ? { serverCpuMsPerPut: cpu / slice.length } : {}),
    });
  }
}
