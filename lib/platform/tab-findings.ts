import { browser } from 'wxt/browser';
import { PageFindingsSchema, type PageFindings } from '../protocol/contact-schemas';

/**
 * What each tab's content script last reported, kept in `storage.session`: it
 * survives the service worker being stopped, is gone when the browser closes, and
 * content scripts cannot read it (session storage is for trusted contexts only).
 */
const keyFor = (tabId: number) => `findings:${tabId}`;

export async function saveTabFindings(tabId: number, findings: PageFindings): Promise<void> {
  await browser.storage.session.set({ [keyFor(tabId)]: findings });
}

export async function readTabFindings(tabId: number): Promise<PageFindings | undefined> {
  const key = keyFor(tabId);
  const stored: Record<string, unknown> = await browser.storage.session.get(key);
  const parsed = PageFindingsSchema.safeParse(stored[key]);
  return parsed.success ? parsed.data : undefined;
}

export async function forgetTabFindings(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyFor(tabId));
}
