import type { BrowserContext, Page, Request } from 'playwright-core';
import { serveFolder, serveFolderTls } from '../../scripts/static-server.mjs';
import { launchWithExtension as launch } from '../../scripts/launch-browser.mjs';
import { WEBMAIL_FIXTURES, fixtureUrl } from '../support/webmail-fixtures.mjs';

export type Launched = Awaited<ReturnType<typeof launch>>;

const SITE = 'tests/fixtures/site';

/** The fixture site on 127.0.0.1; `url(name)` is where a page is read from (webmail fixtures: their host). */
export async function startSite() {
  const site = await serveFolder(SITE);
  return { ...site, url: (name: string) => fixtureUrl(name, site.base) };
}

let webmail: ReturnType<typeof serveFolderTls> | undefined;

/**
 * The browser with the extension, where the webmail hosts answer from the fixture
 * site over HTTPS: the webmail detectors run only on those hosts, as in real use.
 */
export async function launchWithExtension(options: Parameters<typeof launch>[0] = {}) {
  const hosts = [...new Set(Object.values(WEBMAIL_FIXTURES))];
  webmail ??= serveFolderTls(SITE, hosts);
  return launch({ ...options, mapHosts: { hosts, port: (await webmail).port } });
}

/** The id the extension knows a tab by, asked from an extension page. */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id;
  }, url);
  if (id === undefined) throw new Error(`No tab shows ${url}`);
  return id;
}

/**
 * Watches the extension's service worker through the DevTools protocol and stops it
 * on demand, as Chrome does after 30 s idle. (Playwright's worker list is not told
 * when a worker stops, so the protocol's own running status is the evidence.)
 */
export async function watchServiceWorker(context: BrowserContext, extensionPage: Page) {
  const session = await context.newCDPSession(extensionPage);
  // Node gives chrome-extension: URLs an opaque origin, so compare by prefix.
  const origin = `chrome-extension://${new URL(extensionPage.url()).host}/`;
  const versions = new Map<string, string>();
  session.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions) {
      if (version.scriptURL.startsWith(origin))
        versions.set(version.versionId, version.runningStatus);
    }
  });
  await session.send('ServiceWorker.enable');
  const status = () => [...versions.values()].at(-1);
  const waitFor = async (wanted: string) => {
    const deadline = Date.now() + 10_000;
    while (status() !== wanted) {
      if (Date.now() > deadline) throw new Error(`worker never became ${wanted} (is ${status()})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    status,
    waitFor,
    async stop() {
      await waitFor('running');
      for (const [versionId, running] of versions) {
        if (running === 'running') await session.send('ServiceWorker.stopWorker', { versionId });
      }
      await waitFor('stopped');
    },
  };
}

/** Sends one of our messages from an extension page, as the popup would. */
export async function ask<T = Record<string, unknown>>(
  extensionPage: Page,
  name: string,
  request: unknown,
): Promise<T> {
  const reply = await extensionPage.evaluate(
    ([messageName, body]) =>
      chrome.runtime.sendMessage({ channel: 'clientele/1', name: messageName, request: body }),
    [name, request] as const,
  );
  const settled = reply as { ok: boolean; value?: T; error?: unknown };
  if (!settled.ok) throw new Error(`${name} failed: ${JSON.stringify(settled.error)}`);
  return settled.value as T;
}

export interface PageContactView {
  contact: { name?: string; emails: string[]; phones: string[]; sources: string[]; role?: string };
  known?: { party: { kind: string } };
}

/** What the background holds for a tab, waiting until `ready` says it is complete. */
export async function waitForPageContacts(
  extensionPage: Page,
  tabId: number,
  ready: (contacts: PageContactView[]) => boolean,
  timeout = 10_000,
): Promise<PageContactView[]> {
  const deadline = Date.now() + timeout;
  let last: PageContactView[] = [];
  while (Date.now() < deadline) {
    const page = await ask<{ contacts: PageContactView[] }>(extensionPage, 'page/contacts', {
      tabId,
    });
    last = page.contacts;
    if (ready(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`page contacts never became ready: ${JSON.stringify(last)}`);
}

/** Waits until the background has registered the scanner (it does so right after install). */
export async function waitForScanRegistration(extensionPage: Page): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const registered = await extensionPage.evaluate(() =>
      chrome.scripting.getRegisteredContentScripts(),
    );
    if (registered.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the scanner was never registered');
}

/**
 * Runs the worker's right-click listener, as a click on one of its menu items
 * does, and waits for it to finish. Builds made for these tests
 * (CLIENTELE_GRANT_LOCALHOST=1) expose that listener to code running in the worker.
 */
export async function clickMenuItem(
  context: BrowserContext,
  info: { menuItemId: string; linkUrl?: string; selectionText?: string; pageUrl?: string },
  tab: { id: number; windowId?: number; url?: string },
): Promise<{ show: { view: string; partyId?: string }; notice?: string; focus?: string }> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(
    ([clickInfo, clickedTab]) => {
      const seam = (
        globalThis as { clienteleTestSeam?: { menuClick: (...args: unknown[]) => unknown } }
      ).clienteleTestSeam;
      if (!seam)
        throw new Error('this build has no test seam (build with CLIENTELE_GRANT_LOCALHOST=1)');
      return seam.menuClick({ editable: false, ...clickInfo }, clickedTab) as Promise<never>;
    },
    [info, tab] as const,
  );
}

/**
 * Stops the extension's service worker through the DevTools protocol. Unlike the
 * shared helper, it does not wait to see the worker idle: the burst's pending
 * messages wake it again at once, so it counts the stops the protocol reports.
 */
export async function workerStopper(context: BrowserContext, extensionPage: Page) {
  const session = await context.newCDPSession(extensionPage);
  const origin = `chrome-extension://${new URL(extensionPage.url()).host}/`;
  const status = new Map<string, string>();
  let stops = 0;
  session.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions) {
      if (!version.scriptURL.startsWith(origin)) continue;
      const previous = status.get(version.versionId);
      if (version.runningStatus === 'stopped' && previous && previous !== 'stopped') stops++;
      status.set(version.versionId, version.runningStatus);
    }
  });
  const running = () =>
    [...status].filter(([, state]) => state === 'running').map(([versionId]) => versionId);
  await session.send('ServiceWorker.enable');
  const until = async (done: () => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`the worker never ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return {
    /** Stops the running worker and resolves once the protocol reports it stopped. */
    async stop() {
      await until(() => running().length > 0, 'ran');
      const before = stops;
      for (const versionId of running())
        await session.send('ServiceWorker.stopWorker', { versionId });
      await until(() => stops > before, 'stopped');
    },
    stops: () => stops,
  };
}

/** A request the browser made, and who made it: the worker, or the page whose frame asked. */
export interface SeenRequest {
  url: string;
  /** "service worker", or the URL of the page whose frame asked. */
  from: string;
}

/** Every request `record` is given (as the context's `request` listener), for the zero-egress tests. */
export function requestLog() {
  const seen: SeenRequest[] = [];
  const record = (request: Request) => {
    const from = request.serviceWorker()
      ? 'service worker'
      : (() => {
          try {
            return request.frame().url();
          } catch {
            return 'unknown';
          }
        })();
    seen.push({ url: request.url(), from });
  };
  return { seen, record };
}
