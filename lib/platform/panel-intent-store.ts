import { browser } from 'wxt/browser';
import {
  INTENT_LIFETIME_MS,
  PanelIntentSchema,
  type PanelIntent,
} from '../menus/panel-intent-schema';
import { panelIntentKey } from './panel-keys';

/**
 * A right-click's request to the side panel, kept per tab in `storage.session`:
 * trusted contexts only, gone when the browser closes, and it survives the worker
 * being stopped between the click and the panel asking.
 */
export async function savePanelIntent(tabId: number, intent: PanelIntent): Promise<void> {
  await browser.storage.session.set({ [panelIntentKey(tabId)]: PanelIntentSchema.parse(intent) });
}

/**
 * Hands the tab's intent to the panel once: it is removed as it is read, so a panel
 * opened later does not act on an old click. A damaged or stale one is dropped.
 */
export async function takePanelIntent(
  tabId: number,
  now: number,
): Promise<PanelIntent | undefined> {
  const key = panelIntentKey(tabId);
  const stored: Record<string, unknown> = await browser.storage.session.get(key);
  if (stored[key] === undefined) return undefined;
  await browser.storage.session.remove(key);
  const parsed = PanelIntentSchema.safeParse(stored[key]);
  if (!parsed.success || now - parsed.data.at > INTENT_LIFETIME_MS) return undefined;
  return parsed.data;
}

export async function forgetPanelIntent(tabId: number): Promise<void> {
  await browser.storage.session.remove(panelIntentKey(tabId));
}
