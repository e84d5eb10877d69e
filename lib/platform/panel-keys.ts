/**
 * Names of the `storage.session` entries the side panel watches. No imports: the
 * panel's bundle takes these without any schema.
 */

/** Mirrors lib/platform/tab-findings.ts (a test there-and-here keeps the two in step). */
export const tabFindingsKey = (tabId: number) => `findings:${tabId}`;

/** What a right-click asked the panel to show for a tab (lib/platform/panel-intent-store.ts). */
export const panelIntentKey = (tabId: number) => `panelIntent:${tabId}`;
