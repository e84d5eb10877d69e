import { browser } from 'wxt/browser';

declare const __CLIENTELE_TEST_SEAMS__: boolean | undefined;

/** Builds made for the end-to-end tests (wxt.config.ts); shipped builds compile the seam out. */
export const DELETE_HOLD_SEAM =
  typeof __CLIENTELE_TEST_SEAMS__ !== 'undefined' && __CLIENTELE_TEST_SEAMS__;

/**
 * The `storage.session` entry through which the crash test (tests/e2e/bulk-crash.e2e.ts)
 * asks for the next party deletion to be held: it writes 'hold'; the worker answers
 * 'held' once the deletion's every write is done and its transaction waits to commit.
 * Only extension pages and the worker can write `storage.session` (its default
 * access level), never a content script.
 */
const KEY = 'clienteleTestDeleteHold';

/**
 * A bulk delete of 5,000 parties commits in a fraction of a second, before a worker
 * stop ordered from outside can land. To prove that a worker stopped inside the
 * transaction keeps nothing, test builds can hold the transaction open at its end:
 * requests issued one after another keep it alive (it commits only once none is
 * pending) until the test stops the worker, which is how the hold ends. The deletion itself runs unchanged.
 * Returns the hold when the test asked for one (once), otherwise nothing.
 */
export async function takeDeleteHold(): Promise<
  ((tx: IDBTransaction) => Promise<void>) | undefined
> {
  if (!DELETE_HOLD_SEAM) return undefined;
  const asked = await browser.storage.session.get(KEY);
  if (asked[KEY] !== 'hold') return undefined;
  return (tx) => holdOpen(tx, () => void browser.storage.session.set({ [KEY]: 'held' }));
}

/** Keeps `tx` from committing, with one pending read at a time; `onHeld` once all earlier requests are done. */
function holdOpen(tx: IDBTransaction, onHeld: () => void): Promise<void> {
  const store = tx.objectStore(tx.objectStoreNames[0]!);
  return new Promise((_, reject) => {
    let first = true;
    const next = () => {
      const request = store.count();
      request.onsuccess = () => {
        // Requests answer in order: the first answer means the deletion's writes are all done.
        if (first) onHeld();
        first = false;
        next();
      };
      request.onerror = () => reject(request.error ?? new Error('the held transaction failed'));
    };
    next();
  });
}
