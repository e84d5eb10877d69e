import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchWithExtension,
  startSite,
  tabIdOf,
  watchServiceWorker,
  type Launched,
} from './helpers';

/**
 * The first slice, end to end in real Chromium: the content script reports a page's
 * addresses, the popup lists them, the user adds one and logs a call from the
 * keyboard, and the record survives the service worker being stopped.
 */
describe('popup: on this page → add → log → survives a stopped worker', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let ext: Launched;
  let page: Page;
  let popupUrl: string;

  beforeAll(async () => {
    site = await startSite();
    ext = await launchWithExtension();
    page = await ext.context.newPage();
    await page.goto(`${site.base}/index.html`);
    const probe = await ext.context.newPage();
    await probe.goto(ext.extensionUrl('popup.html'));
    popupUrl = ext.extensionUrl(`popup.html?tab=${await tabIdOf(probe, page.url())}`);
    await probe.close();
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  async function openPopup(): Promise<Page> {
    const popup = await ext.context.newPage();
    await popup.goto(popupUrl);
    await popup.getByTestId('page-contacts').waitFor();
    return popup;
  }

  it('lists every address on the page, and nothing that only looks like one', async () => {
    const popup = await openPopup();
    const emails = await popup
      .getByTestId('page-contact')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-email')));
    expect(emails.filter(Boolean).sort()).toEqual(
      [
        'ada.lovelace@northwind.example',
        'bd@northwind.example',
        'grace.hopper@northwind.example',
        'hello@northwind.example',
        'marcus.chen@northwind.example',
        'partners@northwind.example',
        'zoe.angstrom@northwind.example',
      ].sort(),
    );
    const known = await popup.locator('[data-testid="page-contact"][data-known="true"]').count();
    expect(known).toBe(0);
    // A phone reads as people write it in the browser's region (US), not as stored.
    const phoneOnly = popup.getByTestId('page-contact').filter({ hasText: '(212) 555-0147' });
    expect(await phoneOnly.locator('.contact-name').textContent()).toBe('(212) 555-0147');
    await popup.close();
  });

  it('adds a contact as a client and logs a call without the mouse', async () => {
    const popup = await openPopup();
    const ada = popup.locator(
      '[data-testid="page-contact"][data-email="ada.lovelace@northwind.example"]',
    );
    expect(await ada.locator('.contact-name').textContent()).toBe('Ada Lovelace');
    await ada.getByTestId('add-as-client').click();

    const card = popup.getByTestId('party-card');
    await card.waitFor();
    expect(await card.getByTestId('party-name').textContent()).toBe('Ada Lovelace');
    expect(await card.getByTestId('kind-badge').getAttribute('data-kind')).toBe('client');

    // The summary field has focus; choose "call" from the keyboard and press Enter.
    await popup.getByTestId('log-type').focus();
    await popup.keyboard.type('c');
    await popup.getByTestId('log-summary').focus();
    await popup.keyboard.type('Agreed the Q1 retainer');
    await popup.keyboard.press('Enter');

    await popup.getByTestId('timeline-item').first().waitFor();
    expect(await popup.getByTestId('timeline-item').first().getAttribute('data-type')).toBe('call');
    expect(await card.getByTestId('last-interaction').textContent()).toContain('Last contact');
    await popup.close();
  });

  it('shows the record, its kind and its last interaction after the worker was stopped', async () => {
    const watcher = await ext.context.newPage();
    await watcher.goto(ext.extensionUrl('popup.html'));
    const worker = await watchServiceWorker(ext.context, watcher);
    await worker.stop();
    expect(worker.status()).toBe('stopped');

    const popup = await openPopup();
    const ada = popup.locator(
      '[data-testid="page-contact"][data-email="ada.lovelace@northwind.example"]',
    );
    expect(await ada.getAttribute('data-known')).toBe('true');
    expect(await ada.getByTestId('kind-badge').getAttribute('data-kind')).toBe('client');
    expect(await ada.getByTestId('last-interaction').textContent()).toMatch(
      /^Last contact (just now|\d+ minutes? ago|now)/,
    );

    // Answering the popup took a fresh worker, with nothing carried over in memory.
    expect(worker.status()).toBe('running');

    await ada.getByRole('button', { name: 'Open Ada Lovelace' }).click();
    await popup.getByTestId('timeline-item').first().waitFor();
    expect(await popup.getByTestId('timeline').textContent()).toContain('Agreed the Q1 retainer');
    expect(await popup.getByTestId('timeline-item').count()).toBe(1);
    // Escape goes back to the list, wherever the focus is (here: the body).
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await popup.keyboard.press('Escape');
    await popup.getByTestId('page-contacts').waitFor();
    await popup.close();
  });

  it('finds the record from the search view with the keyboard alone: "/", words in any order, Enter', async () => {
    const popup = await openPopup();
    await popup.keyboard.press('/');
    const input = popup.getByTestId('search-input');
    await input.waitFor();
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
    await popup.keyboard.type('lovelace ada');
    const first = popup.getByTestId('search-result').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('Ada Lovelace');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    const card = popup.getByTestId('party-card');
    await card.waitFor();
    expect(await card.getByTestId('party-name').textContent()).toBe('Ada Lovelace');
    const partyId = await card.getAttribute('data-party-id');

    // The full record (engagements, purchases) is one click away, in the side panel:
    // the popup hands it over for the tab and closes.
    const closed = popup.waitForEvent('close');
    await popup.getByTestId('open-in-side-panel').click();
    await closed;
    const tabId = Number(new URL(popupUrl).searchParams.get('tab'));
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${tabId}`));
    const record = panel.getByTestId('record');
    await record.waitFor();
    expect(await record.getAttribute('data-party-id')).toBe(partyId);
    await panel.getByTestId('relationship').waitFor();
    await panel.close();
  });

  it('says so plainly when a page has no contacts', async () => {
    const empty = await ext.context.newPage();
    await empty.goto(`${site.base}/empty.html`);
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html'));
    const tabId = await tabIdOf(popup, empty.url());
    await popup.goto(ext.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.getByTestId('page-contacts-empty').waitFor();
    await popup.close();
    await empty.close();
  });
});
