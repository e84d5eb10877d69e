import type { UiText } from '../../lib/domain/ui-text';
import { say } from '../../lib/ui/ui-text';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANNEL, type Reply } from '../../lib/protocol/envelope';
import {
  installMenuAndPanelStubs,
  installPermissionAndScriptingStubs,
} from '../../tests/unit/fake-browser-extras';
import background from './index';

const EXTENSION_ID = 'test-extension-id';
const panelSender = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` };
const TAB = { id: 7, windowId: 1, url: 'https://mail.example/inbox' };

let stubs: ReturnType<typeof installMenuAndPanelStubs>;

async function send(name: string, request: unknown, sender: object = panelSender) {
  return new Promise<Reply>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(
      { channel: CHANNEL, name, request },
      sender,
      (reply: Reply) => resolve(reply),
    );
  });
}

async function valueOf<T = Record<string, unknown>>(reply: Promise<Reply>): Promise<T> {
  const settled = await reply;
  if (!settled.ok) throw new Error(`expected success, got ${JSON.stringify(settled)}`);
  return settled.value as T;
}

/** Clicks a menu item as the browser does, and waits for the work the click started. */
async function click(menuItemId: string, info: object = {}, tab: object | undefined = TAB) {
  const [settled] = stubs.contextMenus.onClicked.trigger(
    { menuItemId, editable: false, pageUrl: TAB.url, ...info },
    tab,
  );
  await settled;
  // The listener hands its work to a promise; let it run to the end.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await waitForIntent();
}

async function waitForIntent() {
  for (let i = 0; i < 50; i++) {
    const stored = await fakeBrowser.storage.session.get('panelIntent:7');
    if (stored['panelIntent:7'] !== undefined) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

type Intent = {
  show: { view: string; partyId?: string; contact?: Record<string, unknown>; kind?: string };
  focus?: string;
  notice?: string;
};

/** The intent the panel takes, its notice worded as the panel words it. */
const takeIntent = async (): Promise<Intent | undefined> => {
  type Stored = Omit<Intent, 'notice'> & { notice?: UiText | string };
  const { intent } = await valueOf<{ intent?: Stored }>(send('panel/takeIntent', { tabId: 7 }));
  if (intent?.notice === undefined) return intent as Intent | undefined;
  return { ...intent, notice: say(intent.notice) };
};

const rows = async () =>
  (await valueOf<{ rows: { name: string; kind: string }[] }>(send('search/rows', {}))).rows;

describe('right-click menu', () => {
  beforeEach(async () => {
    installPermissionAndScriptingStubs();
    stubs = installMenuAndPanelStubs();
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
  });

  it('makes its items on install, after clearing the old ones', () => {
    expect(stubs.contextMenus.removeAll).toHaveBeenCalled();
    expect(stubs.contextMenus.created.map((item) => item.id)).toEqual([
      'add-client',
      'add-customer',
      'add-prospect',
      'log',
      'open-panel',
      'find-contacts',
    ]);
    const log = stubs.contextMenus.created.find((item) => item.id === 'log') as {
      targetUrlPatterns?: string[];
    };
    expect(log.targetUrlPatterns).toEqual(['mailto:*', 'tel:*']);
  });

  it('opens the panel during the click itself, before anything is awaited', () => {
    stubs.contextMenus.onClicked.trigger(
      { menuItemId: 'add-client', linkUrl: 'mailto:ada@northwind.example' },
      TAB,
    );
    // Synchronously: a user gesture does not survive an await.
    expect(stubs.sidePanel.open).toHaveBeenCalledWith({ tabId: 7 });
  });

  it('adds a mailto contact as a client, named by the page, and shows it in the panel', async () => {
    await fakeBrowser.storage.session.set({
      'findings:7': {
        url: TAB.url,
        contacts: [
          {
            name: 'Ada Lovelace',
            emails: ['ada@northwind.example'],
            phones: [],
            organization: 'Northwind',
            sources: ['mailto'],
            confidence: 0.9,
          },
        ],
      },
    });
    await click('add-client', { linkUrl: 'mailto:Ada@Northwind.example' });
    expect(await rows()).toEqual([
      expect.objectContaining({ name: 'Ada Lovelace', kind: 'client' }),
    ]);
    const intent = await takeIntent();
    expect(intent?.show.view).toBe('party');
    expect(intent?.notice).toBe('Added Ada Lovelace (Client).');
    const view = await valueOf<{ party: { organizationName: string; captured: { url: string } } }>(
      send('parties/get', { id: intent?.show.partyId }),
    );
    expect(view.party.organizationName).toBe('Northwind');
    expect(view.party.captured.url).toBe(TAB.url);
    // Handed over once.
    expect(await takeIntent()).toBeUndefined();
  });

  it('adds a selected phone as a prospect, and a second time finds the same record', async () => {
    await click('add-prospect', { selectionText: '+44 20 7946 0958' });
    const first = await takeIntent();
    await click('add-customer', { selectionText: '+44 (20) 7946-0958' });
    const second = await takeIntent();
    expect((await rows()).map((row) => row.kind)).toEqual(['prospect']);
    expect(second?.show.partyId).toBe(first?.show.partyId);
    expect(second?.notice).toMatch(/already on file \(same phone\)/);
  });

  it('logs with a known contact: opens the record with the log form focused', async () => {
    const created = await valueOf<{ view: { party: { id: string } } }>(
      send('parties/create', {
        name: 'Grace Hopper',
        kind: 'client',
        emails: ['grace@navy.example'],
      }),
    );
    await click('log', { selectionText: 'Grace <GRACE@navy.example>' });
    expect(await takeIntent()).toEqual(
      expect.objectContaining({
        show: { view: 'party', partyId: created.view.party.id },
        focus: 'log',
      }),
    );
  });

  it('logs with an unknown contact: the add form, prefilled, and nothing created', async () => {
    await click('log', { linkUrl: 'tel:+1-202-555-0142', linkText: 'Wendell Notreal' });
    const intent = await takeIntent();
    expect(intent?.show).toEqual({
      view: 'add',
      contact: { name: 'Wendell Notreal', emails: [], phones: ['+12025550142'] },
    });
    expect(intent?.focus).toBe('log');
    expect(await rows()).toEqual([]);
  });

  it('opens the panel on the page when nothing was clicked', async () => {
    await click('open-panel');
    expect((await takeIntent())?.show).toEqual({ view: 'follow' });
    expect(stubs.sidePanel.open).toHaveBeenCalled();
  });

  it('says plainly what it could not read, and adds nothing', async () => {
    await click('add-client', { selectionText: '12' });
    const intent = await takeIntent();
    expect(intent?.notice).toBe('“12” is not an address, a phone number or a name.');
    expect(await rows()).toEqual([]);
  });

  it('refuses an address on the never-capture list', async () => {
    await fakeBrowser.storage.local.set({ settings: { neverCapture: ['private.example'] } });
    await click('add-client', { linkUrl: 'mailto:friend@private.example' });
    expect((await takeIntent())?.notice).toBe(
      'friend@private.example is on your never-capture list.',
    );
    expect(await rows()).toEqual([]);
  });

  it('finds contacts on the page by scanning the tab, then shows them', async () => {
    const scripting = installPermissionAndScriptingStubs();
    scripting.executeScript.mockResolvedValue([
      {
        frameId: 0,
        result: {
          url: TAB.url,
          contacts: [
            { emails: ['zoe@northwind.example'], phones: [], sources: ['mailto'], confidence: 0.9 },
          ],
        },
      },
    ] as never);
    await click('find-contacts');
    expect(scripting.executeScript).toHaveBeenCalledWith(
      expect.objectContaining({ target: { tabId: 7 } }),
    );
    const intent = await takeIntent();
    expect(intent).toEqual(
      expect.objectContaining({ show: { view: 'page' }, notice: 'Found 1 contact on this page.' }),
    );
    const page = await valueOf<{ contacts: unknown[] }>(send('page/contacts', { tabId: 7 }));
    expect(page.contacts).toHaveLength(1);
  });

  it('ignores clicks on items that are not its own, and clicks without a tab', async () => {
    stubs.contextMenus.onClicked.trigger({ menuItemId: 'someone-else' }, TAB);
    stubs.contextMenus.onClicked.trigger(
      { menuItemId: 'add-client', selectionText: 'Ada' },
      undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stubs.sidePanel.open).not.toHaveBeenCalled();
    expect(await rows()).toEqual([]);
  });

  it('refuses to hand an intent to a content script', async () => {
    const contentScript = { id: EXTENSION_ID, url: TAB.url, tab: { id: 7 } };
    const reply = await send('panel/takeIntent', { tabId: 7 }, contentScript);
    expect(reply.ok).toBe(false);
  });
});
