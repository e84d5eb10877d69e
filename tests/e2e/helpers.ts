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
