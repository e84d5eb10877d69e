import { browser } from 'wxt/browser';
import type { GetDb } from '../../lib/db/open';
import { whenChangesQueued } from '../../lib/db/outbox-capture';
import { syncScanRegistration } from '../../lib/platform/scan-registration';
import { readSettings } from '../../lib/platform/settings';
import { SYNC_STATUS_KEY } from '../../lib/platform/sync-keys';
import type { SyncErrorCode } from '../../lib/protocol/areas/sync';
import { createSyncService } from '../../lib/sync/service';

export const SYNC_RETRY_ALARM = 'clientele-sync-retry';
export const SYNC_PERIODIC_ALARM = 'clientele-sync-periodic';
const PERIOD_MINUTES = 15;

declare const __CLIENTELE_TEST_SEAMS__: boolean | undefined;
/**
 * Builds made for the end-to-end tests (wxt.config.ts) wait less: those tests make
 * the server fail, hang and refuse on purpose, and each retry would otherwise wait
 * out the shipped times. An unpacked extension may set alarms a second apart.
 */
const TEST_BUILD = typeof __CLIENTELE_TEST_SEAMS__ !== 'undefined' && __CLIENTELE_TEST_SEAMS__;
/** A request the server has not answered in this long is given up (and retried later). */
const REQUEST_TIMEOUT_MS = TEST_BUILD ? 5_000 : 30_000;
/** The first wait after a failure (then doubling); the shipped one is backoff.ts's. */
const FIRST_RETRY_MS = TEST_BUILD ? 1_000 : undefined;

const KEYS = {
  auth: 'syncerr_auth',
  'not-dav': 'syncerr_not_dav',
  certificate: 'syncerr_certificate',
  permission: 'syncerr_permission',
  offline: 'syncerr_offline',
  insecure: 'syncerr_insecure',
  server: 'syncerr_server',
  timeout: 'syncerr_timeout',
} as const satisfies Record<SyncErrorCode, string>;

/** English, for a browser without the catalogue entry (the catalogue has the words). */
const FALLBACK: Record<SyncErrorCode, string> = {
  auth: 'The server refused the user name or password. Nothing is sent until they are fixed.',
  'not-dav': 'That address does not answer as a CardDAV/CalDAV server.',
  certificate: 'The server’s certificate is not trusted.',
  permission: 'Clientele may not reach that server: allow it when asked, then connect again.',
  offline: 'The server could not be reached (offline, or the address is wrong).',
  insecure: 'Plain http is refused except on this computer: use an https address.',
  server: 'The server answered with an error; Clientele will try again.',
  timeout: 'The server took too long to answer; Clientele will try again.',
};

/**
 * Wires the sync service to the browser: storage areas, the host permission,
 * fetch with a time limit, alarms, the catalogue, and the status entry pages
 * watch. Listeners are added synchronously, at the top of the worker.
 */
export function registerSync(getDb: GetDb) {
  const service = createSyncService({
    local: browser.storage.local,
    session: browser.storage.session,
    hasPermission: (origin) => browser.permissions.contains({ origins: [origin] }),
    fetch: (input, init) =>
      fetch(input, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }),
    getDb,
    clock: () => Date.now(),
    region: async () => (await readSettings()).region,
    retryIn: (delayMs) =>
      void browser.alarms.create(SYNC_RETRY_ALARM, { when: Date.now() + delayMs }),
    ...(FIRST_RETRY_MS ? { firstRetryMs: FIRST_RETRY_MS } : {}),
    serverChanged: () => void syncScanRegistration(),
    // Chrome refuses to remove an origin the manifest requires (webmail; localhost in
    // the end-to-end builds): that origin stays, as it would without sync.
    releaseOrigin: (pattern) =>
      browser.permissions.remove({ origins: [pattern] }).then(
        () => undefined,
        () => undefined,
      ),
    words: (code) => browser.i18n.getMessage(KEYS[code]) || FALLBACK[code],
    // History notes are stored and synced as text: worded once, in the user's language.
    noteWords: (key, substitutions) => browser.i18n.getMessage(key, substitutions?.slice()),
    publish: (status) => browser.storage.session.set({ [SYNC_STATUS_KEY]: status }),
    instance: crypto.randomUUID(),
  });
  whenChangesQueued(() => service.changed());
  browser.alarms.onAlarm.addListener(({ name }) => {
    if (name === SYNC_RETRY_ALARM || name === SYNC_PERIODIC_ALARM) void service.run();
  });
  void browser.alarms.get(SYNC_PERIODIC_ALARM).then((existing) => {
    if (!existing)
      void browser.alarms.create(SYNC_PERIODIC_ALARM, { periodInMinutes: PERIOD_MINUTES });
  });
  void service.start();
  return service;
}
