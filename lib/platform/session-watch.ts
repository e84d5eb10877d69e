import { browser } from 'wxt/browser';

/**
 * Calls `onChange` whenever one of these `storage.session` entries is written or
 * removed, and returns the function that stops watching. Session storage is
 * state, not a message: a panel that opens late reads it, one that is open hears
 * every write, and no write is lost while the worker sleeps.
 */
export function watchSession(keys: readonly string[], onChange: (key: string) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'session') return;
    for (const key of keys) if (Object.hasOwn(changes, key)) onChange(key);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
