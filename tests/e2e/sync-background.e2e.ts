import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DAV_SERVER_KINDS, startDavServer, type DavServer } from '../../scripts/dav-servers.mjs';
import { SYNC_STATUS_KEY } from '../../lib/platform/sync-keys';
import { ask, launchWithExtension, workerStopper, type Launched } from './helpers';

/**
 * Sync's background against real servers (Radicale and Xandikos on loopback, behind
 * the fault-injecting proxy), configured through the messages the options page
 * sends. A first upload survives the worker stopped 20 times; 500, 503, a hung
 * request and a storm of 412 are retried by the background itself, with nothing
 * lost; a refused password stops every request until a new one is given.
 *
 * These builds wait 1 s before the first retry and give a request 5 s (the shipped
 * 30 s and 30 s would make each fault cost minutes: entrypoints/background/sync.ts).
 * Nothing here waits on a clock: each step waits for the status the background
 * reports, polled with 'sync/status', which starts no round of its own.
 */

const PARTIES = 240;
const STOPS = 20;

interface Status {
  state: string;
  pending: number;
  lastSyncedAt?: number;
  error?: { code: string; message: string };
}

/** The hrefs of every object in a collection, asked of the server directly. */
async function objectsIn(server: DavServer, collection: string, password = server.password) {
  const response = await fetch(collection, {
    method: 'PROPFIND',
    headers: {
      depth: '1',
      authorization: `Basic ${Buffer.from(`${server.user}:${password}`).toString('base64')}`,
      'content-type': 'application/xml',
    },
    body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
  });
  const text = await response.text();
  return [...text.matchAll(/<(?:\w+:)?href>([^<]+)<\/(?:\w+:)?href>/g)]
    .map((m) => decodeURIComponent(m[1]!))
    .filter((href) => /\.(vcf|ics)$/.test(href));
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) {
  let last: T | undefined;
  for (let i = 0; i < 2400; i++) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} never happened; last: ${JSON.stringify(last)}`);
}

/** 'sync/now', retried while the worker is being stopped under it. */
async function nudge(page: Page): Promise<Status | undefined> {
  try {
    return await ask<Status>(page, 'sync/now', {});
  } catch {
    return undefined;
  }
}

const status = (page: Page) => ask<Status>(page, 'sync/status', {});

/**
 * Waits for a round that ended after `after` with nothing waiting. Only the status is
 * polled: "Sync now" answers while the round it starts is still running (always
 * 'syncing'), and each press would start another one.
 */
const settled = (page: Page, after: number | undefined, what = 'a finished round') =>
  until(
    () => status(page),
    (s) =>
      s.state === 'synced' &&
      s.pending === 0 &&
      s.lastSyncedAt !== undefined &&
      (after === undefined || s.lastSyncedAt > after),
    what,
  );

/**
 * From now on, the page keeps the error code of every status the background
 * publishes (it writes each change to storage.session, where open pages watch it),
 * so that an error shown for a moment between two retries is not missed by polling.
 */
async function watchErrors(page: Page) {
  await page.evaluate((key) => {
    const seen: string[] = [];
    Object.assign(window, { syncErrorsSeen: seen });
    chrome.storage.onChanged.addListener((changes, area) => {
      const next = changes[key]?.newValue as { error?: { code: string } } | undefined;
      if (area === 'session' && next?.error) seen.push(next.error.code);
    });
  }, SYNC_STATUS_KEY);
}

const errorsSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { syncErrorsSeen: string[] }).syncErrorsSeen);

async function book(page: Page) {
  return page.evaluate(async () => {
    const out: Record<string, unknown[]> = {};
    for (const store of ['parties', 'interactions', 'followUps']) {
      const reply = (await chrome.runtime.sendMessage({
        channel: 'clientele/1',
        name: 'transfer/exportPage',
        request: { store, limit: 5000 },
      })) as { ok: boolean; value: { records: { id: string }[] } };
      out[store] = reply.value.records.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  });
}

describe.each(DAV_SERVER_KINDS)('sync in the background, against %s', (kind) => {
  let ext: Launched;
  let page: Page;
  let server: DavServer;
  let addressbook: string;
  let calendar: string;

  beforeAll(async () => {
    server = await startDavServer(kind);
    ext = await launchWithExtension();
    page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
  }, 120_000);

  afterAll(async () => {
    await ext?.close();
    await server?.stop();
  });

  it(`uploads a book of ${PARTIES} parties once, the worker stopped ${STOPS} times during it`, async () => {
    for (let i = 0; i < PARTIES; i += 40)
      await page.evaluate(
        async ([from, to]) => {
          for (let n = from; n < to; n++)
            await chrome.runtime.sendMessage({
              channel: 'clientele/1',
              name: 'parties/create',
              request: { name: `Client ${n}`, kind: 'client', emails: [`c${n}@sync.example`] },
            });
        },
        [i, Math.min(PARTIES, i + 40)] as const,
      );
    const before = await book(page);
    expect(before.parties).toHaveLength(PARTIES);
    expect((await status(page)).state).toBe('off');

    const connected = await ask<{ ok: boolean; code?: string }>(page, 'sync/connect', {
      server: `${server.base}/`,
      user: server.user,
      password: server.password,
      remember: false,
    });
    expect(connected).toMatchObject({ ok: true });
    const chosen = await ask<
      Status & { account: { addressbook: { href: string }; calendar: { href: string } } }
    >(page, 'sync/choose', {
      addressbook: { create: 'Clientele' },
      calendar: { create: 'Clientele tasks' },
      defaultKind: 'prospect',
    });
    expect(JSON.stringify(chosen)).not.toContain(server.password);
    addressbook = chosen.account.addressbook.href;
    calendar = chosen.account.calendar.href;

    const stopper = await workerStopper(ext.context, page);
    // Stops that came while part of the book was up and part still waiting.
    let midway = 0;
    for (let stop = 0; stop < STOPS; stop++) {
      const seen = await nudge(page);
      if (seen && seen.pending > 0 && seen.pending < PARTIES) midway++;
      await new Promise((resolve) => setTimeout(resolve, 150 + (stop % 5) * 60));
      await stopper.stop();
    }
    expect(stopper.stops()).toBeGreaterThanOrEqual(STOPS);
    expect(midway).toBeGreaterThan(0);
    console.info(`${kind}: ${stopper.stops()} stops, ${midway} of them mid-upload`);
    await nudge(page);
    await settled(page, undefined);

    const cards = await objectsIn(server, addressbook);
    expect(cards).toHaveLength(PARTIES);
    expect(new Set(cards).size).toBe(PARTIES);
    expect(await book(page)).toEqual(before);
  }, 900_000);

  it('retries 500, 503 and a storm of 412 by itself, and loses nothing', async () => {
    const before = await status(page);
    const cards = (await objectsIn(server, addressbook)).length;
    await watchErrors(page);
    // Queued before the changes, so the first requests of the round they start meet them:
    // two failing rounds, then every write refused twelve times over (more than one
    // round merges at once: the rest waits out one backoff).
    server.failNext(500);
    server.failNext(503);
    server.failNext(412, 12, 'PUT');
    const created: string[] = [];
    for (let n = 0; n < 12; n++) {
      const made = await ask<{ view: { party: { id: string } } }>(page, 'parties/create', {
        name: `Fault ${n}`,
        kind: 'prospect',
        emails: [`f${n}@sync.example`],
      });
      created.push(made.view.party.id);
    }
    await ask(page, 'interactions/log', {
      partyId: created[0],
      type: 'call',
      summary: 'After the storm',
      followUpAt: Date.UTC(2030, 0, 1),
      requestId: 'sync-e2e-storm',
    });
    // No "Sync now": only the background's own retries can get past the failed rounds.
    await settled(page, before.lastSyncedAt, 'the round after the faults');
    expect(server.faultsLeft()).toBe(0);
    expect(await errorsSeen(page)).toContain('server');
    expect(await objectsIn(server, addressbook)).toHaveLength(cards + 12);
    expect(await objectsIn(server, calendar)).toHaveLength(2);
  }, 300_000);

  it('gives up a request the server never answers, says so, and tries again by itself', async () => {
    const before = await status(page);
    const cards = (await objectsIn(server, addressbook)).length;
    await watchErrors(page);
    server.hangNext(1);
    await ask(page, 'parties/create', { name: 'After the silence', kind: 'client' });
    await settled(page, before.lastSyncedAt, 'the round after the hung request');
    expect(server.faultsLeft()).toBe(0);
    expect(server.abandoned()).toBe(1);
    expect(await errorsSeen(page)).toContain('timeout');
    expect(await objectsIn(server, addressbook)).toHaveLength(cards + 1);
  }, 300_000);

  it('a refused password: an error in words, and no request until a new one is given', async () => {
    const cards = (await objectsIn(server, addressbook)).length;
    await server.setPassword('a new password');
    await ask(page, 'parties/create', { name: 'After the change', kind: 'client' });
    const refused = await until(
      () => status(page),
      (s) => s.state === 'error',
      'the refusal',
    );
    expect(refused.error?.code).toBe('auth');
    expect(refused.error?.message.length).toBeGreaterThan(10);

    const count = server.requests();
    await ask(page, 'parties/create', { name: 'Still waiting', kind: 'client' });
    for (let i = 0; i < 5; i++) await nudge(page);
    // Longer than the wait after a change (2 s) and the first retry (1 s in these builds).
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(server.requests()).toBe(count);
    expect((await status(page)).state).toBe('error');

    const fixed = await ask<{ ok: boolean }>(page, 'sync/connect', {
      server: `${server.base}/`,
      user: server.user,
      password: 'a new password',
      remember: false,
    });
    expect(fixed.ok).toBe(true);
    await settled(page, refused.lastSyncedAt, 'the round with the new password');
    expect(await objectsIn(server, addressbook, 'a new password')).toHaveLength(cards + 2);
  }, 300_000);
});
