/**
 * What the scan script gets instead of WXT's `ContentScriptContext` (wxt.config.ts
 * swaps it in for this script only). The script never uses its context: one session
 * per page is kept by the script itself. WXT's context would announce every start to
 * the page with `window.postMessage` (naming the extension by its id, which tells the
 * page Clientele is installed) and add ~1 KB gzip to a script that must stay small.
 */
export class ContentScriptContext {}
