import fc from 'fast-check';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME } from '../../../lib/db/schema';
import { CHANNEL, type Reply } from '../../../lib/protocol/envelope';
import { messages, type MessageName } from '../../../lib/protocol/messages';
import { sampleRequests, type SampleIds } from '../../../tests/support/sample-requests';
import { installPermissionAndScriptingStubs } from '../../../tests/unit/fake-browser-extras';
import background from '../index';
import { createHandlers, type BackgroundDeps } from '.';

const EXTENSION_ID = 'test-extension-id';
const OWN_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const tab = (id: number) => ({
  id,
  index: 0,
  highlighted: true,
  active: true,
  pinned: false,
  incognito: false,
});
const optionsPage = { id: EXTENSION_ID, url: `${OWN_ORIGIN}options.html`, tab: tab(3) };

/** Tab senders whose URL is not our extension's: what content scripts look like. */
const CONTENT_SENDERS = {
  'content script': { id: EXTENSION_ID, url: 'https://hostile.example/team', tab: tab(7) },
  'content script in a frame': {
    id: EXTENSION_ID,
    url: 'https://ads.example/frame',
    tab: tab(7),
    frameId: 3,
  },
  'tab sender without a URL': { id: EXTENSION_ID, tab: tab(7) },
  'look-alike origin': {
    id: EXTENSION_ID,
    url: `chrome-extension://${EXTENSION_ID}.hostile.example/popup.html`,
    tab: tab(7),
  },
  'our origin in the path': {
    id: EXTENSION_ID,
    url: `https://hostile.example/${OWN_ORIGIN}popup.html`,
    tab: tab(7),
  },
};
/** Senders that are not this extension at all. */
const FOREIGN_SENDERS = {
  'another extension': { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' },
  'our URL, another id': { id: 'other-extension', url: `${OWN_ORIGIN}popup.html` },
  'no id': { url: `${OWN_ORIGIN}popup.html` },
};

const names = Object.keys(messages) as MessageName[];
/** The sender each message is meant to come from. */
const rightfulSender = (name: MessageName) =>
  messages[name].sender === 'content' ? CONTENT_SENDERS['content script'] : optionsPage;
const privileged = names.filter((name) => messages[name].sender === 'extension-page');

/** Delivers a message to the real listener as the browser would, with a chosen sender. */
async function deliver(message: unknown, sender: object): Promise<Reply | undefined> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage
      .trigger(message, sender, resolve)
      .then((results: unknown[]) => {
        if (!results.includes(true)) resolve(undefined);
      });
  });
}
const send = (name: string, request: unknown, sender: object = optionsPage) =>
  deliver({ channel: CHANNEL, name, request }, sender);

async function valueOf<T>(reply: Promise<Reply | undefined>): Promise<T> {
  const settled = await reply;
  if (!settled?.ok) throw new Error(`expected success, got ${JSON.stringify(settled)}`);
  return settled.value as T;
}

/** Everything the extension keeps: every IndexedDB store, and both storage areas. */
async function snapshot(): Promise<string> {
  const db = await openDB(DB_NAME);
  const stores: Record<string, unknown> = {};
  for (const store of [...db.objectStoreNames].sort()) {
    stores[store] = [await db.getAllKeys(store), await db.getAll(store)];
  }
  db.close();
  const local = await fakeBrowser.storage.local.get(null);
  const session = await fakeBrowser.storage.session.get(null);
  return JSON.stringify({ stores, local, session });
}

/** A small book with one of everything, through the same messages the surfaces send. */
async function seedBook(): Promise<SampleIds> {
  interface Created {
    view: { party: { id: string } };
  }
  const create = async (draft: object) =>
    (await valueOf<Created>(send('parties/create', draft))).view.party.id;
  const party = await create({ name: 'Ada Lovelace', kind: 'client', emails: ['ada@a.example'] });
  const other = await create({ name: 'Ada Lovelace', kind: 'prospect', emails: ['ada@b.example'] });
  const organization = await create({ name: 'Analytical', type: 'organization', kind: 'client' });
  const gone = await create({ name: 'Babbage', kind: 'former', emails: ['cb@c.example'] });
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
  await valueOf(
    send('purchases/record', {
      partyId: party,
      on: '2025-01-02',
      amount: { amountMinor: 500, currency: 'EUR' },
      description: 'Seat',
    }),
  );
  return {
    party,
    other,
    organization,
    service: service.id,
    engagement: engagement.engagement.id,
    followUp: logged.followUp.id,
    tab: 7,
    job: 'no-such-job',
    undoEntry: deleted.id,
  };
}

type Path = (string | number)[];

/** Every place in a value a mutation can hit: the value itself and each nested field. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const paths: Path[] = [at];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...at, i])));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...at, key]));
  }
  return paths;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '__proto__',
  '\u0000',
  '\u202e',
  'x'.repeat(200_001),
];

/** What a mutation turns the value at a path into (`undefined` with `remove`: delete it). */
const replacement = fc.oneof(
  fc.constant({ remove: true as const }),
  fc.anything({ maxDepth: 2 }).map((value) => ({ value })),
  fc.constantFrom(...HOSTILE_STRINGS).map((value) => ({ value })),
  fc.constantFrom(NaN, Infinity, -1, 0.5, 2 ** 53 + 2, -0, 1e308).map((value) => ({ value })),
  fc.constantFrom(null, undefined, true, [], {}, [[]], { __proto__: null }).map((value) => ({
    value,
  })),
  fc.constant({ flip: true as const }),
  fc.constant({ grow: true as const }),
);
type Replacement = typeof replacement extends fc.Arbitrary<infer R> ? R : never;

/** The same kind of value, the wrong type: strings become numbers, arrays objects… */
function flipped(value: unknown): unknown {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return { ...value };
  if (value && typeof value === 'object') return [value];
  return 'flipped';
}

/** Far past any bound a schema sets. */
function grown(value: unknown): unknown {
  if (typeof value === 'string') return value.repeat(1 + Math.ceil(200_001 / (value.length + 1)));
  if (typeof value === 'number') return value * 1e300 + 1e300;
  if (Array.isArray(value))
    return Array.from({ length: 6000 }, () => (value as unknown[])[0] ?? 'x');
  return value;
}

function mutated(sample: unknown, path: Path, change: Replacement): unknown {
  const apply = (old: unknown) => {
    if ('flip' in change) return flipped(old);
    if ('grow' in change) return grown(old);
    return 'value' in change ? change.value : undefined;
  };
  if (path.length === 0) return 'remove' in change ? undefined : apply(sample);
  const copy = structuredClone(sample);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const key = path.at(-1)!;
  if ('remove' in change) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else parent[key] = apply(parent[key]);
  return copy;
}

/**
 * Hostile and broken messages through the background's real listener, its real
 * handlers and a real (fake-indexeddb) store: nothing malformed, foreign or sent from
 * a content script changes anything.
 */
// Every message is sent many times over a real store: minutes on a loaded machine.
describe('hostile messages through the real listener', { timeout: 300_000 }, () => {
  let ids: SampleIds;
  let samples: ReturnType<typeof sampleRequests>;

  beforeEach(async () => {
    installPermissionAndScriptingStubs();
    background.main();
    ids = await seedBook();
    samples = sampleRequests(ids);
  });

  it('has a handler for exactly the messages of the protocol', () => {
    const deps = {} as BackgroundDeps;
    expect(Object.keys(createHandlers(deps)).sort()).toEqual([...names].sort());
  });

  it('changes nothing for generated requests that do not fit a message', async () => {
    let sent = 0;
    for (const name of names) {
      const schema = messages[name].request;
      await fc.assert(
        fc.asyncProperty(
          fc.anything({ withNullPrototype: true, withMap: true, withDate: true, maxDepth: 3 }),
          async (request) => {
            fc.pre(!schema.safeParse(request).success);
            const before = await snapshot();
            const reply = await send(name, request, rightfulSender(name));
            expect(reply).toEqual({
              ok: false,
              error: expect.objectContaining({ code: 'bad_request' }),
            });
            expect(await snapshot()).toBe(before);
            sent++;
          },
        ),
        { numRuns: 25 },
      );
    }
    console.info(`generated invalid requests refused, store unchanged: ${sent}/${sent}`);
    expect(sent).toBeGreaterThan(names.length * 20);
  });

  it('changes nothing for mutated valid requests that no longer fit', async () => {
    let sent = 0;
    let stillValid = 0;
    for (const name of names) {
      const schema = messages[name].request;
      const sample: unknown = samples[name];
      const paths = pathsOf(sample);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths), replacement, async (path, change) => {
          const request = mutated(sample, path, change);
          if (schema.safeParse(request).success) {
            stillValid++;
            return; // a mutation that still fits is a valid message: not this test's
          }
          const before = await snapshot();
          const reply = await send(name, request, rightfulSender(name));
          expect(reply).toEqual({
            ok: false,
            error: expect.objectContaining({ code: 'bad_request' }),
          });
          expect(await snapshot()).toBe(before);
          sent++;
        }),
        { numRuns: 40 },
      );
    }
    console.info(
      `mutated requests refused, store unchanged: ${sent}/${sent} (${stillValid} mutations still valid, not sent)`,
    );
    expect(sent).toBeGreaterThan(names.length * 20);
  });

  it('ignores foreign envelopes and answers unknown names, changing nothing', async () => {
    const before = await snapshot();
    let ignored = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything({ maxDepth: 3 }),
          fc.record({
            channel: fc.string(),
            name: fc.constantFrom(...names),
            request: fc.anything(),
          }),
          fc.record({
            channel: fc.constantFrom('clientele/0', 'Clientele/1', 'clientele/1 ', ''),
            name: fc.constantFrom(...names),
            request: fc.constant(samples['parties/create']),
          }),
        ),
        async (message) => {
          fc.pre((message as { channel?: unknown } | null)?.channel !== CHANNEL);
          expect(await deliver(message, optionsPage)).toBeUndefined();
          ignored++;
        },
      ),
      { numRuns: 200 },
    );
    let unknown = 0;
    for (const name of [
      'parties/Create',
      'parties/create ',
      ' parties/create',
      'PARTIES/CREATE',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'parties',
      'parties/create/extra',
    ]) {
      const reply = await send(name, samples['parties/create']);
      expect(reply).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'unknown_message' }),
      });
      unknown++;
    }
    expect(await snapshot()).toBe(before);
    console.info(`foreign envelopes ignored: ${ignored}; unknown names refused: ${unknown}`);
  });

  it('refuses every privileged message from a content-script sender, before it writes', async () => {
    let refused = 0;
    let wouldWrite = 0;
    for (const name of privileged) {
      for (const [label, sender] of Object.entries(CONTENT_SENDERS)) {
        const before = await snapshot();
        const reply = await send(name, samples[name], sender);
        expect(reply, `${name} from ${label}`).toEqual({
          ok: false,
          error: expect.objectContaining({ code: 'forbidden' }),
        });
        expect(await snapshot(), `${name} from ${label}`).toBe(before);
        refused++;
      }
      // The same request from our own page is real: many of them do write.
      const before = await snapshot();
      await send(name, samples[name]);
      if ((await snapshot()) !== before) wouldWrite++;
    }
    const total = privileged.length * Object.keys(CONTENT_SENDERS).length;
    console.info(
      `privileged messages refused from content-script senders: ${refused}/${total} ` +
        `(${privileged.length} messages × ${Object.keys(CONTENT_SENDERS).length} senders; ` +
        `${wouldWrite} of them write when our own page sends them)`,
    );
    expect(refused).toBe(total);
    expect(wouldWrite).toBeGreaterThanOrEqual(10);
  });

  it('refuses every message from senders that are not this extension', async () => {
    const before = await snapshot();
    let refused = 0;
    for (const name of names) {
      for (const [label, sender] of Object.entries(FOREIGN_SENDERS)) {
        const reply = await send(name, samples[name], sender);
        expect(reply?.ok, `${name} from ${label}`).toBe(false);
        refused++;
      }
    }
    expect(await snapshot()).toBe(before);
    expect(refused).toBe(names.length * Object.keys(FOREIGN_SENDERS).length);
  });

  it('refuses a page report from our own pages or from no tab', async () => {
    const before = await snapshot();
    const report = samples['page/contactsFound'];
    for (const sender of [optionsPage, { id: EXTENSION_ID, url: `${OWN_ORIGIN}popup.html` }]) {
      expect(await send('page/contactsFound', report, sender)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'forbidden' }),
      });
    }
    expect(await snapshot()).toBe(before);
  });

  it('lets a hostile page report write no record, whatever it carries', async () => {
    const records = async () => (JSON.parse(await snapshot()) as { stores: unknown }).stores;
    const before = await records();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            name: fc.constantFrom('<img src=x onerror=alert(1)>', '__proto__', 'constructor'),
            emails: fc.array(fc.constantFrom('ada@a.example', 'mallory@hostile.example'), {
              maxLength: 3,
            }),
            phones: fc.array(fc.constantFrom('+1 202 555 0100', 'javascript:1'), { maxLength: 2 }),
            sources: fc.constant(['mailto']),
            confidence: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { maxLength: 5 },
        ),
        async (contacts) => {
          const reply = await send(
            'page/contactsFound',
            { url: 'https://hostile.example/', contacts },
            CONTENT_SENDERS['content script'],
          );
          expect(reply?.ok).toBe(true);
          expect(await records()).toEqual(before);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('is not polluted by __proto__, constructor and prototype keys in any message', async () => {
    const poison = () =>
      JSON.parse(
        '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
      ) as object;
    for (const name of names) {
      for (const path of pathsOf(samples[name])) {
        const request = structuredClone(samples[name]) as Record<string | number, unknown>;
        let target: unknown = request;
        for (const key of path) target = (target as Record<string | number, unknown>)[key];
        if (typeof target !== 'object' || target === null || Array.isArray(target)) continue;
        Object.assign(target, poison());
        Object.defineProperty(target, '__proto__', {
          value: { polluted: 'yes', isAdmin: true },
          enumerable: true,
        });
        await send(name, request, rightfulSender(name));
      }
    }
    const probe = {} as Record<string, unknown>;
    expect([
      probe.polluted,
      probe.isAdmin,
      Object.prototype.hasOwnProperty.call(probe, 'polluted'),
    ]).toEqual([undefined, undefined, false]);
  });
});
