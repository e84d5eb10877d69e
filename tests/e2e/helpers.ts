import type { BrowserContext, Page } from 'playwright-core';
import { serveFolder } from '../../scripts/static-server.mjs';
import { launchWithExtension } from '../../scripts/launch-browser.mjs';

export type Launched = Awaited<ReturnType<typeof launchWithExtension>>;

export async function startSite() {
  return serveFolder('tests/fixtures/site');
}

export { launchWithExtension };

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
 * Stops the extension's service worker, as Chrome does after 30 s idle. The next
 * message wakes a fresh worker with nothing in memory.
 */
export async function stopServiceWorker(context: BrowserContext, anyPage: Page): Promise<void> {
  const session = await context.newCDPSession(anyPage);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();
}
