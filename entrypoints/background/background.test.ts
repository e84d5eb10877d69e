import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANNEL, type Reply } from '../../lib/protocol/envelope';
import { installPermissionAndScriptingStubs } from '../../tests/unit/fake-browser-extras';
import background from './index';

const EXTENSION_ID = 'test-extension-id';
const popupSender = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };
const contentSender = {
  id: EXTENSION_ID,
  url: 'https://northwind.example/team',
  tab: { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
};
/** The same tab's script, reading a webmail page: the one place highlights need no setting. */
const webmailSender = { ...contentSender, url: 'https://mail.google.com/mail/u/0/#inbox' };

/** Delivers a message to the real listener as the browser would, with a chosen sender. */
async function deliver(message: unknown, sender: object): Promise<Reply | undefined> {
  let reply: Reply | undefined;
  const answered = new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage
      .trigger(message, sender, (value: Reply) => {
        reply = value;
        resolve();
      })
      .then((results: unknown[]) => {
        if (!results.includes(true)) resolve();
      });
  });
  await answered;
  return reply;
}

const send = (name: string, request: unknown, sender: object = popupSender) =>
  deliver({ channel: CHANNEL, name, request }, sender);

async function valueOf(reply: Promise<Reply | undefined>) {
  const settled = await reply;
  if (!settled?.ok) throw new Error(`expected success, got ${JSON.stringify(settled)}`);
  return settled.value as Record<string, unknown>;
}

async function searchRows() {
  const value = await valueOf(send('search/rows', {}));
  return value.rows as { name: string; kind: string }[];
}

const ada = {
  name: 'Ada Lovelace',
  kind: 'client',
  emails: ['Ada@Northwind.example'],
  phones: ['+44 20 7946 0958'],
};

describe('background over real repositories', () => {
  beforeEach(() => {
    installPermissionAndScriptingStubs();
    background.main();
  });

  it('creates a party from an extension page and finds it again', async () => {
    const created = await valueOf(send('parties/create', ada));
    expect(created.created).toBe(true);
    const rows = await searchRows();
    expect(rows.map((row) => [row.name, row.kind])).toEqual([['Ada Lovelace', 'client']]);
  });

  it('answers a duplicate capture with the existing record', async () => {
    await send('parties/create', ada);
    const again = await valueOf(
      send('parties/create', { ...ada, name: 'A. Lovelace', emails: [' ada@northwind.EXAMPLE '] }),
    );
    expect(again).toMatchObject({ created: false, matchedBy: 'email' });
    expect(await searchRows()).toHaveLength(1);
  });

  it('refuses a privileged write from a content script and writes nothing', async () => {
    const reply = await send('parties/create', ada, contentSender);
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    expect(await searchRows()).toEqual([]);
  });

  it('refuses messages from another extension', async () => {
    const reply = await send('parties/create', ada, { ...popupSender, id: 'someone-else' });
    expect(reply?.ok).toBe(false);
    expect(await searchRows()).toEqual([]);
  });

  it('refuses a content-script report that comes from an extension page or no tab', async () => {
    const findings = { url: 'https://x.example/', contacts: [] };
    expect((await send('page/contactsFound', findings, popupSender))?.ok).toBe(false);
    const { tab: _tab, ...tabless } = contentSender;
    expect((await send('page/contactsFound', findings, tabless))?.ok).toBe(false);
  });

  it('ignores foreign and malformed messages, changing nothing', async () => {
    expect(await deliver({ type: 'something-else' }, popupSender)).toBeUndefined();
    expect(await deliver('hello', popupSender)).toBeUndefined();
    const malformed = await send('parties/create', { name: '', kind: 'friend' });
    expect(malformed).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'bad_request' }),
    });
    const unknown = await send('parties/drop', {});
    expect(unknown).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'unknown_message' }),
    });
    expect(await searchRows()).toEqual([]);
  });

  it('reports a page, then tells the popup which contacts are known', async () => {
    await send('parties/create', ada);
    const found = await valueOf(
      send(
        'page/contactsFound',
        {
          url: contentSender.url,
          contacts: [
            { emails: ['ada@northwind.example'], phones: [], sources: ['mailto'], confidence: 0.9 },
            {
              emails: ['grace@northwind.example'],
              phones: [],
              sources: ['text-email'],
              confidence: 0.6,
            },
          ],
        },
        webmailSender,
      ),
    );
    // Without its kind: one highlight for everyone, so the page cannot tell kinds apart.
    expect(found.known).toEqual([{ text: 'ada@northwind.example' }]);

    const page = await valueOf(send('page/contacts', { tabId: 7 }));
    const contacts = page.contacts as {
      contact: { emails: string[] };
      known?: { party: { name: string } };
    }[];
    expect(contacts.map((c) => [c.contact.emails[0], c.known?.party.name])).toEqual([
      ['ada@northwind.example', 'Ada Lovelace'],
      ['grace@northwind.example', undefined],
    ]);
  });

  it('logs an interaction once per request id and resets the check-in', async () => {
    const created = await valueOf(send('parties/create', ada));
    const partyId = (created.view as { party: { id: string } }).party.id;
    const at = Date.UTC(2026, 10, 20, 15, 0);
    const log = {
      partyId,
      type: 'call',
      direction: 'outbound',
      at,
      summary: 'Renewal',
      requestId: 'r-1',
    };
    const first = await valueOf(send('interactions/log', log));
    const retry = await valueOf(send('interactions/log', log));
    expect(first.replayed).toBe(false);
    expect(retry.replayed).toBe(true);
    const party = (first.view as { party: { lastInteractionAt: number; nextCheckInAt: number } })
      .party;
    expect(party.lastInteractionAt).toBe(at);
    expect(party.nextCheckInAt).toBe(at + 30 * 86_400_000);
    const timeline = await valueOf(send('interactions/list', { partyId }));
    expect(timeline.interactions).toHaveLength(1);
  });

  it('keeps every acknowledged write when the worker starts again', async () => {
    const created = await valueOf(send('parties/create', ada));
    const partyId = (created.view as { party: { id: string } }).party.id;
    await valueOf(
      send('interactions/log', { partyId, type: 'email', summary: 'Sent terms', requestId: 'r-2' }),
    );

    // A stopped worker loses its listeners and its open connection; a new one starts from main().
    fakeBrowser.runtime.onMessage.removeAllListeners();
    background.main();

    const view = await valueOf(send('parties/get', { id: partyId }));
    expect((view.party as { kind: string }).kind).toBe('client');
    const timeline = await valueOf(send('interactions/list', { partyId }));
    expect((timeline.interactions as { summary: string }[]).map((i) => i.summary)).toEqual([
      'Sent terms',
    ]);
  });

  it('answers which contacts are known only where highlights are allowed', async () => {
    await send('parties/create', ada);
    const report = {
      url: contentSender.url,
      contacts: [
        { emails: ['ada@northwind.example'], phones: [], sources: ['mailto'], confidence: 0.9 },
      ],
    };
    const knownFrom = async (sender: object) =>
      (await valueOf(send('page/contactsFound', report, sender))).known;
    // Another site: its scripts could read the highlights, so none until the user asks…
    expect(await knownFrom(contentSender)).toEqual([]);
    // …the page's contacts are kept and badged all the same…
    const page = await valueOf(send('page/contacts', { tabId: 7 }));
    expect((page.contacts as unknown[]).length).toBe(1);
    // …a page cannot claim to be webmail: the browser's sender URL decides, not the report…
    expect(
      await knownFrom({ ...contentSender, url: 'https://mail.google.com.evil.example/' }),
    ).toEqual([]);
    expect(await knownFrom({ ...contentSender, url: 'http://mail.google.com/' })).toEqual([]);
    // …and with the option on, any site gets them.
    await fakeBrowser.storage.local.set({ settings: { highlightOnSites: true } });
    expect(await knownFrom(contentSender)).toEqual([{ text: 'ada@northwind.example' }]);
    // The kind goes to the page only when the user chose colours by kind.
    await fakeBrowser.storage.local.set({
      settings: { highlightOnSites: true, kindColours: true },
    });
    expect(await knownFrom(contentSender)).toEqual([
      { text: 'ada@northwind.example', kind: 'client' },
    ]);
  });

  it('keeps only valid phones, in E.164, and highlights them as the page wrote them', async () => {
    await send('parties/create', ada);
    const found = await valueOf(
      send(
        'page/contactsFound',
        {
          url: contentSender.url,
          contacts: [
            { emails: [], phones: ['+44 (20) 7946-0958'], sources: ['tel'], confidence: 0.8 },
            { emails: [], phones: ['2026-11-23'], sources: ['text-phone'], confidence: 0.5 },
            { emails: [], phones: ['+1 212 555 0100'], sources: ['tel'], confidence: 0.8 },
          ],
        },
        webmailSender,
      ),
    );
    expect(found.known).toEqual([{ text: '+44 (20) 7946-0958' }]);
    const page = await valueOf(send('page/contacts', { tabId: 7 }));
    const contacts = page.contacts as { contact: { phones: string[] }; known?: unknown }[];
    expect(contacts.map((c) => [c.contact.phones, c.known !== undefined])).toEqual([
      [['+442079460958'], true],
      [['+12125550100'], false],
    ]);
  });

  it('never keeps a contact on the never-capture list', async () => {
    await fakeBrowser.storage.local.set({
      settings: { neverCapture: ['private.example', 'me@work.example'] },
    });
    await send(
      'page/contactsFound',
      {
        url: contentSender.url,
        contacts: [
          { emails: ['friend@private.example'], phones: [], sources: ['mailto'], confidence: 0.9 },
          { emails: ['x@mail.private.example'], phones: [], sources: ['mailto'], confidence: 0.9 },
          { emails: ['me@work.example'], phones: [], sources: ['mailto'], confidence: 0.9 },
          { emails: ['client@work.example'], phones: [], sources: ['mailto'], confidence: 0.9 },
        ],
      },
      contentSender,
    );
    const page = await valueOf(send('page/contacts', { tabId: 7 }));
    const contacts = page.contacts as { contact: { emails: string[] } }[];
    expect(contacts.map((c) => c.contact.emails[0])).toEqual(['client@work.example']);
  });
});
