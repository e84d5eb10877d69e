import { browser } from 'wxt/browser';
import { ACCOUNT_KEY, AccountSchema, readParsed } from '../sync/account';
import { exceptSyncServer } from './site-access';

const SCRIPT_ID = 'clientele-scan';
export const SCAN_SCRIPT_FILE = '/content-scripts/scan.js';

/**
 * The granted sites the scanner reads: all but the sync server's origin, which is
 * granted the same way (an optional host permission) but only for sync to reach.
 */
async function scannedOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const account = await readParsed(browser.storage.local, ACCOUNT_KEY, AccountSchema);
  return exceptSyncServer(origins, account?.server);
}

/**
 * Keeps the scanning content script registered for exactly the sites the user has
 * granted (webmail at install, others from the popup's "always scan this site").
 * Registrations persist across worker restarts, so this runs only when grants change
 * (and when the sync server does).
 */
export async function syncScanRegistration(): Promise<void> {
  const origins = await scannedOrigins();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: origins,
      js: [SCAN_SCRIPT_FILE],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

/**
 * Registered scripts only run on pages loaded after registration; a Gmail tab that
 * was already open when Clientele was installed (or a site just granted) is
 * scanned now instead of at its next reload.
 */
export async function scanOpenTabs(): Promise<void> {
  const origins = await scannedOrigins();
  if (origins.length === 0) return;
  const tabs = await browser.tabs.query({ url: origins });
  const injections: Promise<unknown>[] = [];
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    injections.push(
      browser.scripting
        .executeScript({ target: { tabId: tab.id }, files: [SCAN_SCRIPT_FILE] })
        .catch(() => undefined), // a tab that closed or cannot be scripted
    );
  }
  await Promise.all(injections);
}

/** After install or a new grant: register for the granted sites, then read their open tabs. */
export async function applySiteGrants(): Promise<void> {
  await syncScanRegistration();
  await scanOpenTabs();
}
