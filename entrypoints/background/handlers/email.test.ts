import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../../../lib/domain';
import { createDbOpener } from '../../../lib/db/open';
import { DEFAULT_EMAIL_LOG, type EmailLogMode } from '../../../lib/email/email-settings';
import { AUTO_LOGS_PER_MINUTE } from '../../../lib/email/minute-cap';
import { MAX_LOGS_PER_THREAD } from '../../../lib/email/decide-thread';
import { dispatch } from '../../../lib/protocol/listener';
import type { Reply } from '../../../lib/protocol/envelope';
import { createHandlers, type BackgroundDeps } from './index';

const identity = { id: 'ext', origin: 'chrome-extension://ext/' };
const page = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const tab = { id: 5, index: 0, highlighted: true, active: true, pinned: false, incognito: false };
const gmail = { id: 'ext', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg', tab };
const ADA = 'ada@analytical.example';
const ME = 'robin@quillworks.example';

function setUp(mode: EmailLogMode, started = Date.UTC(2026, 0, 1)) {
  let now = started;
  const started_threads: number[] = [];
  const deps = {
    repo: {
      getDb: createDbOpener(`clientele-email-${crypto.randomUUID()}`),
      clock: () => now,
      settings: () =>
        Promise.resolve({
          region: 'US',
          cadence: DEFAULT_CADENCE,
          neverCapture: [],
          highlightOnSites: false,
          kindColours: false,
          emailLog: { ...DEFAULT_EMAIL_LOG, mode },
        }),
    },
    findings: { save: () => Promise.resolve(), read: () => Promise.resolve(undefined) },
    scanTab: () => Promise.resolve(undefined),
    badge: () => Promise.resolve(),
    startThreadReader: (tabId: number) => Promise.resolve(void started_threads.push(tabId)),
  } satisfies BackgroundDeps;
  const handlers = createHandlers(deps);
  const send = async (name: string, request: unknown, sender: object = page) => {
    const reply: Reply = await dispatch(handlers, identity, name, request, sender);
    if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`);
    return reply.value as Record<string, unknown>;
  };
  return {
    send,
    started: started_threads,
    later: (ms: number) => (now += ms),
    addAda: async () =>
      (
        (await send('parties/create', { name: 'Ada', kind: 'client', emails: [ADA] })) as {
          view: { party: { id: string } };
        }
      ).view.party.id,
    emails: async (partyId: string) => {
      const db = await deps.repo.getDb();
      const range = IDBKeyRange.bound([partyId, -Infinity, ''], [partyId, Infinity, '']);
      return db.countFromIndex('interactions', 'byPartyAt', range);
    },
  };
}

const thread = (ids: number[], from = ADA) => ({
  site: 'gmail',
  url: 'https://forged.example/',
  subject: 'Catalogue',
  account: ME,
  messages: ids.map((id) => ({
    id: `msg-f:${id}`,
    from: { email: from },
    to: [{ email: ME }],
    date: 'Mon, 3 Mar 2025, 09:15',
  })),
});

describe('email/threadRead over the real handlers', () => {
  it('logs in auto mode, with the browser’s URL as the thread link, not the page’s', async () => {
    const bg = setUp('auto');
    const ada = await bg.addAda();
    await bg.send('email/threadRead', thread([1, 2]), gmail);
    expect(await bg.emails(ada)).toBe(2);
    const listed = (await bg.send('interactions/list', { partyId: ada, limit: 5 })) as {
      interactions: { link: string }[];
    };
    expect(listed.interactions[0]!.link).toBe(gmail.url);
  });

  it('ignores a report from a page that is not webmail, and refuses one from no tab', async () => {
    const bg = setUp('auto');
    const ada = await bg.addAda();
    const elsewhere = { ...gmail, url: 'https://mail.google.com.evil.example/' };
    await bg.send('email/threadRead', thread([1]), elsewhere);
    await expect(bg.send('email/threadRead', thread([1]), page)).rejects.toThrow(/forbidden/);
    expect(await bg.emails(ada)).toBe(0);
  });

  it('ask mode logs nothing until the side panel asks, then the offer is gone', async () => {
    const bg = setUp('ask');
    const ada = await bg.addAda();
    await bg.send('email/threadRead', thread([1, 2, 3]), gmail);
    expect(await bg.emails(ada)).toBe(0);
    const status = await bg.send('email/thread', { tabId: tab.id });
    expect(status.offers).toEqual([{ partyId: ada, name: 'Ada', count: 3 }]);
    expect(await bg.send('email/logThread', { tabId: tab.id })).toEqual({ logged: 3 });
    expect((await bg.send('email/thread', { tabId: tab.id })).offers).toEqual([]);
    expect(await bg.emails(ada)).toBe(3);
  });

  it('a page forging message ids cannot grow the log past the caps', async () => {
    const bg = setUp('auto');
    const ada = await bg.addAda();
    // One thread of 200 forged messages: the per-thread cap.
    const many = Array.from({ length: 200 }, (_, i) => i + 1);
    await bg.send('email/threadRead', thread(many), gmail);
    expect(await bg.emails(ada)).toBe(MAX_LOGS_PER_THREAD);
    // New forged ids on every change, within one minute: the per-minute cap.
    for (let round = 1; round <= 5; round++)
      await bg.send('email/threadRead', thread(many.map((id) => id + round * 1000)), gmail);
    expect(await bg.emails(ada)).toBe(AUTO_LOGS_PER_MINUTE);
    // A minute later, more may go (a real thread is never this fast).
    bg.later(60_000);
    await bg.send('email/threadRead', thread(many.map((id) => id + 9000)), gmail);
    expect(await bg.emails(ada)).toBe(AUTO_LOGS_PER_MINUTE + MAX_LOGS_PER_THREAD);
  });

  it('starts the thread script on webmail pages only, and not when logging is off', async () => {
    const report = { url: 'x', contacts: [] };
    const on = setUp('ask');
    await on.send('page/contactsFound', report, gmail);
    await on.send('page/contactsFound', report, { ...gmail, url: 'https://northwind.example/' });
    expect(on.started).toEqual([tab.id]);
    const off = setUp('off');
    await off.send('page/contactsFound', report, gmail);
    expect(off.started).toEqual([]);
  });
});
