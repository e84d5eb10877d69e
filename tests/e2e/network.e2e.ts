import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ask,
  clickMenuItem,
  launchWithExtension,
  startSite,
  tabIdOf,
  waitForPageContacts,
  waitForScanRegistration,
  watchServiceWorker,
  type Launched,
  requestLog,
} from './helpers';

/**
 * Zero network requests (budgets.md): every surface is used on the local fixture
 * site while every request of the browser context is recorded, the service worker's
 * included (Playwright reports those on the context). Anything not addressed to the
 * extension's own files or to the fixture site (or the one webmail page it serves
 * under Gmail's host) fails the run.
 */
describe('network: the extension makes no request of its own', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let ext: Launched;
  let probe: Page;
  const { seen, record } = requestLog();

  // The webmail page the test opens is served by the fixture site under its webmail
  // host (the browser maps the host to this machine): that one page, nothing else there.
  const allowed = (url: string) =>
    url.startsWith(`chrome-extension://${ext.extensionId}/`) ||
    url.startsWith(`${site.base}/`) ||
    url === site.url('gmail.html');
  const outside = () => seen.filter((request) => !allowed(request.url));

  beforeAll(async () => {
    site = await startSite();
    ext = await launchWithExtension();
    ext.context.on('request', record);
    ext.context.on('page', (page) =>
      page.on('websocket', (socket) => seen.push({ url: socket.url(), from: page.url() })),
    );
    probe = await ext.context.newPage();
    await probe.goto(ext.extensionUrl('popup.html?tab=0'));
    await waitForScanRegistration(probe);
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it('fetched nothing while it installed, before the watch began', async () => {
    // The worker's own resource timeline covers the install, which ran before any
    // listener could be added to the context.
    const worker = ext.context.serviceWorkers()[0]!;
    const fetched = await worker.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name),
    );
    expect(fetched.filter((url) => !allowed(url))).toEqual([]);
  });

  it('uses the popup, side panel, options, dashboard, menus and a page scan without a request out', async () => {
    const directory = await ext.context.newPage();
    await directory.goto(`${site.base}/directory.html`);
    const tabId = await tabIdOf(probe, directory.url());
    await waitForPageContacts(probe, tabId, (contacts) => contacts.length >= 7);
    await ask(probe, 'page/scan', { tabId });

    // Popup: the page's contacts, add one, log, search, the Due list, a linked card.
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.getByTestId('page-contacts').waitFor();
    const tomas = popup.locator(
      '[data-testid="page-contact"][data-email="tomas@harbourlane.example"]',
    );
    await tomas.getByTestId('add-as-client').click();
    await popup.getByTestId('party-card').waitFor();
    await popup.getByTestId('log-summary').fill('Talked through the brief');
    await popup.getByTestId('log-summary').press('Enter');
    await popup.getByTestId('timeline-item').first().waitFor();
    await popup.goto(ext.extensionUrl(`popup.html?tab=${tabId}&view=search`));
    await popup.getByTestId('search-input').fill('tomas');
    await popup.getByTestId('search-result').first().waitFor();
    await popup.goto(ext.extensionUrl(`popup.html?tab=${tabId}&view=due`));
    await popup.getByTestId('due-list').or(popup.getByTestId('due-empty')).first().waitFor();
    await popup.goto(ext.extensionUrl(`popup.html?tab=${tabId}`));
    const card = popup.locator(
      `[data-testid="vcard-link"][data-url="${site.base}/cards/mira.vcf"]`,
    );
    await card.getByTestId('vcard-import').click();
    await card.getByTestId('vcard-result').waitFor();

    // Side panel on a webmail-like page, following the open message.
    const mail = await ext.context.newPage();
    await mail.goto(site.url('gmail.html'));
    const mailTab = await tabIdOf(probe, mail.url());
    await waitForPageContacts(probe, mailTab, (contacts) =>
      contacts.some((c) => c.contact.role === 'sender'),
    );
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${mailTab}`));
    await panel.getByTestId('add-sender').waitFor();
    await panel.getByTestId('add-sender-client').click();
    await panel.getByTestId('party-card').waitFor();

    // The right-click menu, through the very listener a click reaches.
    await clickMenuItem(
      ext.context,
      { menuItemId: 'find-contacts', pageUrl: directory.url() },
      { id: tabId, url: directory.url() },
    );

    // Options, with its data section, and the dashboard.
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByTestId('options').waitFor();
    await options.getByTestId('data-section').waitFor();
    const dashboard = await ext.context.newPage();
    await dashboard.goto(ext.extensionUrl('dashboard.html'));
    await dashboard.getByTestId('dashboard').waitFor();

    // A worker started afresh by a message runs its start-up again under the watch.
    const worker = await watchServiceWorker(ext.context, probe);
    await worker.stop();
    await ask(probe, 'search/rows', {});
    expect(worker.status()).toBe('running');

    for (const page of [directory, popup, mail, panel, options, dashboard]) await page.close();

    // The watch saw the extension at work (its pages loaded their scripts through it)…
    expect(seen.some((request) => request.url.endsWith('.js') && allowed(request.url))).toBe(true);
    // …and nothing went anywhere else.
    expect(outside()).toEqual([]);
  });

  it('would catch a request out: one from the worker and one from a page are both reported', async () => {
    // A loopback address that is not the fixture site, on the discard port: nothing
    // leaves the machine, and the request is refused at once.
    const elsewhere = 'http://127.0.0.2:9/clientele-network-check';
    const worker =
      ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
    await worker.evaluate((url) => fetch(url).catch(() => undefined), `${elsewhere}?from=worker`);
    await probe.evaluate((url) => fetch(url).catch(() => undefined), `${elsewhere}?from=page`);
    // Request events travel to the test on their own; give them a moment to arrive.
    await expect
      .poll(() => outside())
      .toEqual([
        { url: `${elsewhere}?from=worker`, from: 'service worker' },
        { url: `${elsewhere}?from=page`, from: probe.url() },
      ]);
  });
});
