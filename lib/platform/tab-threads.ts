import { browser } from 'wxt/browser';
import { tabThreadKey } from './panel-keys';
import { ThreadReportSchema, type ThreadReportMessage } from '../protocol/areas/email';

/**
 * The webmail thread each tab last showed, kept in `storage.session` like the tab's
 * findings (lib/platform/tab-findings.ts): it outlives the worker, not the browser,
 * and content scripts cannot read it. Ask mode's offer is judged from it.
 */
const keyFor = tabThreadKey;

/** `readAt` makes every save a change, so a watching side panel reads the thread's logs again. */
export async function saveTabThread(
  tabId: number,
  thread: ThreadReportMessage,
  readAt: number,
): Promise<void> {
  await browser.storage.session.set({ [keyFor(tabId)]: { ...thread, readAt } });
}

export async function readTabThread(tabId: number): Promise<ThreadReportMessage | undefined> {
  const key = keyFor(tabId);
  const stored: Record<string, unknown> = await browser.storage.session.get(key);
  const parsed = ThreadReportSchema.safeParse(stored[key]);
  return parsed.success ? parsed.data : undefined;
}

export async function forgetTabThread(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyFor(tabId));
}

export const THREAD_SCRIPT_FILE = '/content-scripts/thread.js';

/**
 * Starts the thread script in a webmail tab (once per page; run again, it re-reads).
 * It is injected only while email logging is on, so with it off the thread is never read.
 */
export async function startThreadReader(tabId: number): Promise<void> {
  await browser.scripting
    .executeScript({ target: { tabId }, files: [THREAD_SCRIPT_FILE] })
    .catch(() => undefined); // a tab that closed or navigated away
}
