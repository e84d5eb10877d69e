import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ask,
  clickMenuItem,
  launchWithExtension,
  startSite,
  tabIdOf,
  waitForPageContacts,
  type Launched,
} from './helpers';

/**
 * The right-click menu in real Chromium, through the very listener a click
 * reaches (a headless browser shows no menu to click), and the side panel it
 * opens, loaded as `sidepanel.html?tab=<id>`. The panel opened by a real click
 * would read the same intent; here `sidePanel.open` is refused for want of a
 * user gesture, and the rest must work regardless.
 */
describe('right-click menu → side panel', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let ext: Launched;
  let page: Page;
  let probe: Page;
  let tab: { id: number; url: string };

  beforeAll(async () => {
    site = await startSite();
    ext = await launchWithExtension();
    page = await ext.context.newPage();
    await page.goto(`${site.base}/index.html`);
    probe = await ext.context.newPage();
    await probe.goto(ext.extensionUrl('sidepanel.html?tab=0'));
    tab = { id: await tabIdOf(probe, page.url()), url: page.url() };
    await waitForPageContacts(probe, tab.id, (contacts) => contacts.length > 3);
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  async function openPanel(): Promise<Page> {
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${tab.id}`));
    await panel.getByTestId('side-panel').waitFor();
    return panel;
  }

  it('made its menu items when installed', async () => {
    const worker =
      ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
    // `update` fails for an id that was never created, so each success proves an item exists.
    const missing = await worker.evaluate(
      async (ids) => {
        const menus = (
          globalThis as unknown as {
            chrome: { contextMenus: { update(id: string, changes: object): Promise<void> } };
          }
        ).chrome.contextMenus;
        const failed: string[] = [];
        for (const id of ids) {
          try {
            await menus.update(id, {});
          } catch {
            failed.push(id);
          }
        }
        return failed;
      },
      ['add-client', 'add-customer', 'add-prospect', 'log', 'open-panel', 'find-contacts'],
    );
    expect(missing).toEqual([]);
  });

  it('“Add as client” on a mailto link creates the record, named by the page, and the panel shows it', async () => {
    const intent = await clickMenuItem(
      ext.context,
      {
        menuItemId: 'add-client',
        linkUrl: 'mailto:ada.lovelace@northwind.example',
        pageUrl: tab.url,
      },
      tab,
    );
    expect(intent.show.view).toBe('party');
    const panel = await openPanel();
    const card = panel.getByTestId('party-card');
    await card.waitFor();
    expect(await card.getByTestId('party-name').textContent()).toBe('Ada Lovelace');
    expect(await card.getByTestId('kind-badge').getAttribute('data-kind')).toBe('client');
    expect(await panel.getByTestId('notice').textContent()).toBe('Added Ada Lovelace (Client).');
    await panel.close();
  });

  it('the same address again finds the record instead of making another', async () => {
    const intent = await clickMenuItem(
      ext.context,
      {
        menuItemId: 'add-prospect',
        selectionText: 'ADA.LOVELACE@northwind.example',
        pageUrl: tab.url,
      },
      tab,
    );
    // The background sends a code; the panel words it in the user's language.
    expect(intent.notice).toMatchObject({
      code: 'menu_already_on_file',
      params: { name: 'Ada Lovelace' },
    });
    const rows = await ask<{ rows: { name: string }[] }>(probe, 'search/rows', {});
    expect(rows.rows.filter((row) => row.name === 'Ada Lovelace')).toHaveLength(1);
  });

  it('“Add as customer” on a tel link stores the phone in E.164', async () => {
    const intent = await clickMenuItem(
      ext.context,
      { menuItemId: 'add-customer', linkUrl: 'tel:+12125550147', pageUrl: tab.url },
      tab,
    );
    const view = await ask<{ party: { kind: string; phones: string[] } }>(probe, 'parties/get', {
      id: intent.show.partyId,
    });
    expect(view.party).toMatchObject({ kind: 'customer', phones: ['+12125550147'] });
  });

  it('“Log an interaction with…” a known contact opens the record with the log form focused', async () => {
    await clickMenuItem(
      ext.context,
      { menuItemId: 'log', linkUrl: 'mailto:ada.lovelace@northwind.example', pageUrl: tab.url },
      tab,
    );
    const panel = await openPanel();
    await panel.getByTestId('log-form').waitFor();
    await panel.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'log-summary',
    );
    await panel.keyboard.type('Called about the audit');
    await panel.keyboard.press('Enter');
    const item = panel.getByTestId('timeline-item').first();
    await item.waitFor();
    expect(await item.textContent()).toContain('Called about the audit');
    await panel.close();
  });

  it('“Log an interaction with…” someone unknown opens the add form prefilled, then the log', async () => {
    const intent = await clickMenuItem(
      ext.context,
      {
        menuItemId: 'log',
        selectionText: 'Zoe Angstrom <zoe.angstrom@northwind.example>',
        pageUrl: tab.url,
      },
      tab,
    );
    expect(intent).toMatchObject({ show: { view: 'add' }, focus: 'log' });
    const panel = await openPanel();
    await panel.getByTestId('add-sender').waitFor();
    expect(await panel.getByTestId('add-sender-name').inputValue()).toBe('Zoe Angstrom');
    await panel.getByTestId('add-sender-prospect').click();
    await panel.getByTestId('party-card').waitFor();
    await panel.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'log-summary',
    );
    await panel.close();
  });

  it('a panel already open follows a click made while it is open', async () => {
    const panel = await openPanel();
    await panel.getByTestId('page-view').waitFor();
    await clickMenuItem(
      ext.context,
      {
        menuItemId: 'open-panel',
        selectionText: 'grace.hopper@northwind.example',
        pageUrl: tab.url,
      },
      tab,
    );
    await panel.getByTestId('add-sender').waitFor();
    expect(await panel.getByTestId('add-sender-email').textContent()).toBe(
      'grace.hopper@northwind.example',
    );
    // Back to the page from the keyboard, even with the focus on the page's body.
    await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await panel.keyboard.press('Escape');
    await panel.getByTestId('page-view').waitFor();
    await panel.close();
  });

  it('“Find contacts on this page” reads the tab and shows what it found', async () => {
    const intent = await clickMenuItem(
      ext.context,
      { menuItemId: 'find-contacts', pageUrl: tab.url },
      tab,
    );
    expect(intent.show.view).toBe('page');
    expect(intent.notice).toMatchObject({ code: 'menu_found_contacts' });
    const panel = await openPanel();
    await panel.getByTestId('page-view').waitFor();
    expect(await panel.getByTestId('notice').textContent()).toMatch(
      /^Found \d+ contacts on this page\.$/,
    );
    const known = await panel.locator('[data-testid="page-contact"][data-known="true"]').count();
    expect(known).toBeGreaterThanOrEqual(2); // Ada and Zoe, added above
    await panel.close();
  });

  it('says plainly when a selection is no contact, and adds nothing', async () => {
    const before = (await ask<{ rows: unknown[] }>(probe, 'search/rows', {})).rows.length;
    const intent = await clickMenuItem(
      ext.context,
      { menuItemId: 'add-client', selectionText: '42', pageUrl: tab.url },
      tab,
    );
    expect(intent.notice).toEqual({ code: 'menu_not_contact', params: { text: '42' } });
    const panel = await openPanel();
    expect(await panel.getByTestId('notice').textContent()).toBe(
      '“42” is not an address, a phone number or a name.',
    );
    expect((await ask<{ rows: unknown[] }>(probe, 'search/rows', {})).rows).toHaveLength(before);
    await panel.close();
  });
});
