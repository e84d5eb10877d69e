import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background/index';
import { CHANNEL, type Reply } from '../protocol/envelope';
import { messages, type MessageName } from '../protocol/messages';
import { sampleRequests } from '../../tests/support/sample-requests';
import { installPermissionAndScriptingStubs } from '../../tests/unit/fake-browser-extras';
import { ACCOUNT_KEY } from '../sync/account';
import type { OutboxEntry } from '../sync/outbox';
import { createDbOpener } from './open';
import { setSyncActive } from './outbox-capture';
import { DB_NAME } from './schema';
import { importParties } from './bulk-import';
import { DEFAULT_CADENCE } from '../domain';
import { restoreIntoEmpty } from './backup-repository';

const EXTENSION_ID = 'test-extension-id';
const optionsPage = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/options.html`,
};

async function send(name: string, request: unknown): Promise<Reply | undefined> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage
      .trigger({ channel: CHANNEL, name, request }, optionsPage, resolve)
      .then((results: unknown[]) => {
        if (!results.includes(true)) resolve(undefined);
      });
  });
}
async function valueOf<T>(reply: Promise<Reply | undefined>): Promise<T> {
  const settled = await reply;
  if (!settled?.ok) throw new Error(`expected success, got ${JSON.stringify(settled)}`);
  return settled.value as T;
}

const RECORD_STORES = ['parties', 'interactions', 'followUps', 'engagements', 'purchases'] as const;
type Records = Map<string, { json: string; partyId?: string }>;

/** Every synced record, keyed `store:id`, read past the capture (a plain connection). */
async function records(): Promise<Records> {
  const db = await openDB(DB_NAME);
  const all: Records = new Map();
  for (const store of RECORD_STORES)
    for (const value of (await db.getAll(store)) as { id: string; partyId?: string }[])
      all.set(`${store}:${value.id}`, { json: JSON.stringify(value), partyId: value.partyId });
  db.close();
  return all;
}

async function outbox(): Promise<Map<string, OutboxEntry>> {
  const db = await openDB(DB_NAME);
  const entries = (await db.getAll('outbox')) as OutboxEntry[];
  db.close();
  return new Map(entries.map((entry) => [entry.key, entry]));
}

async function clearOutbox(): Promise<void> {
  const db = await openDB(DB_NAME);
  await db.clear('outbox');
  db.close();
}

const TYPE = { parties: 'party', interactions: 'interaction', followUps: 'followUp' } as const;

/** The outbox entries a change from `before` to `after` must have left. */
function expectedEntries(before: Records, after: Records): Map<string, 'put' | 'delete'> {
  const expected = new Map<string, 'put' | 'delete'>();
  const keys = new Set([...before.keys(), ...after.keys()]);
  for (const key of keys) {
    const [store, id] = key.split(':') as [(typeof RECORD_STORES)[number], string];
    const was = before.get(key);
    const now = after.get(key);
    if (was?.json === now?.json) continue;
    if (store in TYPE) {
      expected.set(`${TYPE[store as keyof typeof TYPE]}:${id}`, now ? 'put' : 'delete');
    } else {
      const partyId = (now ?? was)!.partyId!;
      const partyKey = `party:${partyId}`;
      if (!expected.has(partyKey))
        expected.set(partyKey, after.has(`parties:${partyId}`) ? 'put' : 'delete');
    }
  }
  return expected;
}

/**
 * Sync set up, so that changes are queued (while it is off nothing is). No password:
 * the worker's rounds stop before any request, and the outbox stays as the test left it.
 */
const SYNCING_ACCOUNT = {
  server: 'http://127.0.0.1:9/',
  user: 'alice',
  remember: false,
  addressbook: { href: 'http://127.0.0.1:9/alice/book/', name: 'Book', cardVersions: [] },
  calendar: { href: 'http://127.0.0.1:9/alice/tasks/', name: 'Tasks' },
  defaultKind: 'prospect',
  paused: false,
};

describe('the outbox: every change to a synced record queues it in its own transaction', () => {
  beforeEach(async () => {
    installPermissionAndScriptingStubs();
    await fakeBrowser.storage.local.set({ [ACCOUNT_KEY]: SYNCING_ACCOUNT });
    background.main();
  });

  it('every message that changes a record leaves its outbox entry', async () => {
    const create = async (draft: object) =>
      (await valueOf<{ view: { party: { id: string } } }>(send('parties/create', draft))).view.party
        .id;
    const party = await create({ name: 'Ada', kind: 'client', emails: ['ada@a.example'] });
    const other = await create({ name: 'Ada', kind: 'prospect', emails: ['ada@b.example'] });
    const organization = await create({ name: 'Analytical', type: 'organization', kind: 'client' });
    const gone = await create({ name: 'Babbage', kind: 'former' });
    const deleted = await valueOf<{ id: string }>(send('parties/delete', { ids: [gone] }));
    const logged = await valueOf<{ followUp: { id: string } }>(
      send('interactions/log', {
        partyId: party,
        type: 'call',
        followUpAt: Date.now() + 86_400_000,
        requestId: 'seed-1',
      }),
    );
    const service = await valueOf<{ id: string }>(
      send('services/save', {
        name: 'Audit',
        scope: 'Books',
        terms: { pricingModel: 'fixed-fee', rate: { amountMinor: 900, currency: 'EUR' } },
      }),
    );
    const engagement = await valueOf<{ engagement: { id: string } }>(
      send('engagements/create', { partyId: party, serviceId: service.id, startOn: '2025-01-01' }),
    );
    const samples = sampleRequests({
      party,
      other,
      organization,
      service: service.id,
      engagement: engagement.engagement.id,
      followUp: logged.followUp.id,
      tab: 7,
      job: 'no-such-job',
      undoEntry: deleted.id,
    });

    let writing = 0;
    const names = (Object.keys(messages) as MessageName[]).filter(
      (name) => messages[name].sender === 'extension-page',
    );
    for (const name of names) {
      await clearOutbox();
      const before = await records();
      await send(name, samples[name]);
      const expected = expectedEntries(before, await records());
      const queued = await outbox();
      for (const [key, op] of expected)
        expect(queued.get(key)?.op, `${name} changed ${key}`).toBe(op);
      if (expected.size > 0) writing++;
    }
    console.info(`messages that changed records, each with its outbox entries: ${writing}`);
    expect(writing).toBeGreaterThanOrEqual(10);
  });
});

describe('write paths outside the messages', () => {
  // Sync set up, as the worker says once it has read the account.
  beforeEach(() => setSyncActive(true));
  afterEach(() => setSyncActive(false));

  const context = () => ({
    getDb: createDbOpener(`outbox-${crypto.randomUUID()}`),
    clock: () => 1_750_000_000_000,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  });

  it('a bulk import (bare stores, no promise per put) queues every party', async () => {
    const repo = context();
    const { getDb } = repo;
    const drafts = Array.from({ length: 30 }, (_, i) => ({
      name: `Person ${i}`,
      kind: 'prospect' as const,
      emails: [`p${i}@example.com`],
    }));
    await importParties(repo, drafts, { chunkSize: 7 });
    const db = await getDb();
    const parties = await db.getAllKeys('parties');
    const queued = await db.getAll('outbox');
    expect(parties).toHaveLength(30);
    expect(queued.map((e) => e.key).sort()).toEqual(parties.map((id) => `party:${id}`).sort());
  });

  it('a restore into an empty book queues every record, and a change rolled back queues nothing', async () => {
    const { getDb } = context();
    const party = {
      id: 'p-1',
      type: 'person',
      name: 'Zoë',
      kind: 'client',
      kindHistory: [{ kind: 'client', at: 1 }],
      emails: [],
      phones: [],
      domains: [],
      tags: [],
      notes: '',
      createdAt: 1,
      updatedAt: 1,
    };
    const empty = {
      parties: [party],
      interactions: [],
      followUps: [{ id: 'f-1', partyId: 'p-1', dueAt: 5, note: '', status: 'open', createdAt: 1 }],
      services: [],
      engagements: [],
      purchases: [],
    };
    const restored = await restoreIntoEmpty(getDb, empty as never);
    expect(restored.ok).toBe(true);
    const db = await getDb();
    expect(
      ((await db.getAll('outbox')) as OutboxEntry[]).map((e) => `${e.key}/${e.op}`).sort(),
    ).toEqual(['followUp:f-1/put', 'party:p-1/put']);
    // A second restore is refused (the book is not empty): its transaction aborts whole.
    await db.clear('outbox');
    expect((await restoreIntoEmpty(getDb, empty as never)).ok).toBe(false);
    expect(await db.count('outbox')).toBe(0);
  });
});
