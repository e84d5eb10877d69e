import { browser } from 'wxt/browser';
import { t } from './i18n';

/** The toolbar button: `action` in Manifest V3, `browserAction` in Firefox's Manifest V2 build. */
const toolbar = () => browser.action ?? browser.browserAction;

/** Shows on the toolbar icon how many contacts a tab's page holds (blank for none). */
export async function showContactCount(tabId: number, count: number): Promise<void> {
  try {
    await toolbar().setBadgeBackgroundColor({ tabId, color: '#2457d6' });
    await toolbar().setBadgeText({
      tabId,
      text: count > 0 ? String(Math.min(count, 999)) : '',
    });
  } catch {
    // The tab closed meanwhile: nothing to badge.
  }
}

/**
 * Says how many check-ins and follow-ups are due in the toolbar button's title, for
 * every tab. The badge stays the page's contact count: one number never means two
 * things, and a per-tab badge would hide a global one anyway.
 */
export async function showDueCount(count: number): Promise<void> {
  await toolbar().setTitle({ title: count > 0 ? t('menu_action_due', count) : t('extName') });
}
