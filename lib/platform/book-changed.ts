import { browser } from 'wxt/browser';
import { watchSession } from './session-watch';

/** The `storage.session` key the background bumps after a change to many records. */
export const BOOK_CHANGED_KEY = 'bookChangedAt';

/**
 * Tells every open page that records were deleted, restored or imported, so views
 * that sum the whole book (the dashboard, the list of imports) read it again. A
 * storage write rather than a message: pages that are open hear it, and nothing
 * is lost if none is.
 */
export async function announceBookChanged(at: number): Promise<void> {
  await browser.storage.session.set({ [BOOK_CHANGED_KEY]: at });
}

/** Calls `onChange` after each announced change; returns the function that stops it. */
export function watchBookChanged(onChange: () => void): () => void {
  return watchSession([BOOK_CHANGED_KEY], () => onChange());
}
