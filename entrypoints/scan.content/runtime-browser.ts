import type { Browser } from '@wxt-dev/browser';

/**
 * The extension API the scan script uses, in place of `@wxt-dev/browser` (wxt.config.ts
 * swaps it in for content scripts). That module reads `globalThis.browser` first, which
 * Chromium does not define in content scripts: a page's named element (`<form id="browser">`
 * holding an `<input name="runtime" id="…">`) answers for it there, and the page could
 * silence its own scan. Named elements never shadow `chrome` in Chromium nor `browser` in
 * Firefox (whose `chrome` takes callbacks), so each build takes its own.
 */
const scope = globalThis as { browser?: unknown; chrome?: unknown };
export const browser = (import.meta.env.FIREFOX ? scope.browser : scope.chrome) as typeof Browser;
