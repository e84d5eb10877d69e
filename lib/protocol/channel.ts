/**
 * Tags every message we send. Kept free of zod so the content script, which
 * imports it, stays small.
 */
export const CHANNEL = 'clientele/1';
