import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder } from '../../scripts/static-server.mjs';
import expected from '../fixtures/expected-contacts.json';
import { consoleServiceErrors, pageConsoleErrors } from './console-problems';
import { firefoxPath, launchFirefox, type LaunchedFirefox } from './launch-firefox';
import { closeTab, openTab, run, typeText, waitFor } from './page-driver';

/**
 * The Firefox build, loaded for real: headless Firefox installs the MV2 add-on as a
 * temporary add-on over WebDriver BiDi, then the popup talks to the background page,
 * the content script reads a served page, and nothing in the add-on logs an error or
 * meets a CSP violation. Needs a build made with CLIENTELE_GRANT_LOCALHOST=1 (the scan must be
 * allowed on the fixture site); skips when no Firefox is installed.
 */

const ADDON_DIR = resolve(process.env.CLIENTELE_OUT_DIR ?? '.output', 'firefox-mv2');
const binary = firefoxPath();
if (!binary) {
  console.warn(
    'Firefox smoke test skipped: no Firefox found (set FIREFOX_PATH, or install firefox-esr).',
  );
}

interface Manifest {
  permissions?: string[];
  browser_specific_settings?: { gecko?: { id?: string } };
}

function readManifest(): Manifest {
  const path = resolve(ADDON_DIR, 'manifest.json');
  if (!existsSync(path)) throw new Error(`No Firefox build in ${ADDON_DIR}: run the build first.`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  if (!manifest.permissions?.includes('http://127.0.0.1/*'))
    throw new Error(
      'The build cannot scan the fixture site: build with CLIENTELE_GRANT_LOCALHOST=1.',
    );
  return manifest;
}

/** Runs inside an extension page: sends one of our messages, as the popup does. */
const sendMessage = (name: string, request: unknown) =>
  browser.runtime.sendMessage({ channel: 'clientele/1', name, request });

// Every address on tests/fixtures/site/index.html, as the fixture's truth records them.
const INDEX_EMAILS = [...expected['index.html'].emails].sort();

describe.skipIf(!binary)('Firefox: the MV2 add-on, installed for real', () => {
  let firefox: LaunchedFirefox;
  let site: Awaited<ReturnType<typeof serveFolder>>;

  const openExtensionPage = (path: string) => openTab(firefox.bidi, firefox.extensionUrl(path));

  beforeAll(async () => {
    const addonId = readManifest().browser_specific_settings?.gecko?.id;
    if (!addonId) throw new Error('The Firefox manifest names no gecko id.');
    site = await serveFolder('tests/fixtures/site');
    firefox = await launchFirefox(binary!, addonId);
    const installed = await firefox.bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: ADDON_DIR },
    });
    expect(installed.extension).toBe(addonId);
  });

  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  it('opens the popup, which reaches the background page and finds what it stored', async () => {
    const { bidi } = firefox;
    const probe = await openExtensionPage('popup.html');
    const created = await run(bidi, probe, sendMessage, 'parties/create', {
      name: 'Grace Hopper',
      kind: 'prospect',
      emails: ['grace.hopper@northwind.example'],
    });
    expect(created).toMatchObject({ ok: true });

    // Typed for real into the popup's search: the answer comes from the background's index.
    const popup = await openExtensionPage('popup.html?view=search');
    await waitFor(bidi, popup, () => {
      if (!document.querySelector('[data-testid="search-panel"][data-state="ready"]')) return false;
      const input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]');
      input?.focus();
      return !!input && document.activeElement === input;
    });
    await typeText(bidi, popup, 'hopper');
    const found = await waitFor(bidi, popup, () =>
      [...document.querySelectorAll('[data-testid="search-result"]')]
        .map((result) => result.textContent)
        .join('|'),
    );
    expect(found).toContain('Grace Hopper');
    await closeTab(bidi, popup);
    await closeTab(bidi, probe);
  });

  it('scans a served page with the content script and lists it in the popup', async () => {
    const { bidi } = firefox;
    const probe = await openExtensionPage('popup.html');
    // The background registers the scanner at install; pages loaded before that are not read.
    await waitFor(
      bidi,
      probe,
      async () => (await browser.scripting.getRegisteredContentScripts()).length > 0,
    );
    const pageUrl = `${site.base}/index.html`;
    const page = await openTab(bidi, pageUrl);
    const tabId = await waitFor(
      bidi,
      probe,
      // Firefox's `url` filter is a match pattern, which cannot hold the server's port.
      async (url: string) => (await browser.tabs.query({})).find((tab) => tab.url === url)?.id,
      pageUrl,
    );

    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    const emails = await waitFor(
      bidi,
      popup,
      (count: number) => {
        const listed = [...document.querySelectorAll('[data-testid="page-contact"]')]
          .map((item) => item.getAttribute('data-email'))
          .filter(Boolean); // phone-only contacts have none
        return listed.length >= count && listed;
      },
      INDEX_EMAILS.length,
    );
    expect(emails.sort()).toEqual(INDEX_EMAILS);

    // Adding from the list stores a client the background then reports as known.
    await run(bidi, popup, () =>
      document
        .querySelector<HTMLButtonElement>(
          '[data-email="ada.lovelace@northwind.example"] [data-testid="add-as-client"]',
        )!
        .click(),
    );
    const name = await waitFor(
      bidi,
      popup,
      () =>
        document.querySelector('[data-testid="party-card"] [data-testid="party-name"]')
          ?.textContent,
    );
    expect(name).toBe('Ada Lovelace');
    const reply = await run(bidi, probe, sendMessage, 'page/contacts', { tabId });
    expect(reply).toMatchObject({
      ok: true,
      value: {
        contacts: expect.arrayContaining([
          expect.objectContaining({
            contact: expect.objectContaining({ emails: ['ada.lovelace@northwind.example'] }),
            known: expect.objectContaining({ party: expect.objectContaining({ kind: 'client' }) }),
          }),
        ]),
      },
    });
    await closeTab(bidi, page);
  });

  it('renders options and dashboard; no page or the background logged an error or CSP violation', async () => {
    const { bidi } = firefox;
    const options = await openExtensionPage('options.html');
    await waitFor(bidi, options, () => !!document.querySelector('[data-testid="options"]'));
    const dashboard = await openExtensionPage('dashboard.html');
    await waitFor(bidi, dashboard, () => !!document.querySelector('[data-testid="dashboard"]'));

    expect(pageConsoleErrors(firefox.printedErrors())).toEqual([]);
    expect(await consoleServiceErrors(bidi, firefox.extensionUrl(''))).toEqual([]);
  });
});
