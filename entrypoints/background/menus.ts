import { t } from '../../lib/platform/i18n';
import { browser, type Browser } from 'wxt/browser';
import { createParty, findPartiesByContacts } from '../../lib/db/party-repository';
import { failureNotice, handleMenuClick, type MenuClickDeps } from '../../lib/menus/handle-click';
import { isMenuId, MENU_ITEMS } from '../../lib/menus/menu-items';
import type { PanelIntent } from '../../lib/menus/panel-intent-schema';
import { showProblemNotification } from '../../lib/platform/notifications';
import { openSidePanel } from '../../lib/platform/open-side-panel';
import { forgetPanelIntent, savePanelIntent } from '../../lib/platform/panel-intent-store';
import type { BackgroundDeps } from './handlers';
import { createPageHandlers } from './handlers/page';
import { say } from '../../lib/ui/ui-text';

type ClickData = Pick<
  Browser.contextMenus.OnClickData,
  'menuItemId' | 'linkUrl' | 'selectionText' | 'pageUrl'
> & { linkText?: string };
type ClickedTab = { id?: number; windowId?: number; url?: string } | undefined;

/**
 * The right-click menu: created on install, its click listener added at the top
 * of the worker so a click wakes a sleeping worker and is still answered.
 */
export function registerMenus(deps: BackgroundDeps): void {
  const onClick = createMenuClickListener(deps);
  browser.contextMenus.onClicked.addListener((info, tab) => void onClick(info, tab));
  browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.tabs.onRemoved.addListener((tabId) => void forgetPanelIntent(tabId));
  exposeTestSeam(onClick);
}

/** Menus survive restarts of the worker but not an update: they are made again on install. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const item of MENU_ITEMS) {
    browser.contextMenus.create({ ...item, title: t(item.title) }, () => {
      // Read, or Chrome logs an "unchecked runtime.lastError" for a refused pattern.
      if (browser.runtime.lastError)
        console.error('Clientele menu', item.id, browser.runtime.lastError);
    });
  }
}

/**
 * What a menu click does. The panel is opened first, synchronously: both browsers
 * allow it only while the click is still a user gesture, i.e. before any `await`.
 * Then the click is acted on and the panel is told what to show.
 */
export function createMenuClickListener(deps: BackgroundDeps) {
  const clickDeps = menuClickDeps(deps);
  return (info: ClickData, tab: ClickedTab): Promise<PanelIntent | undefined> => {
    const tabId = tab?.id;
    if (!isMenuId(info.menuItemId) || tabId === undefined || tabId < 0)
      return Promise.resolve(undefined);
    void openSidePanel({
      id: tabId,
      ...(tab?.windowId !== undefined && { windowId: tab.windowId }),
    });
    const pageUrl = info.pageUrl ?? tab?.url;
    return handleMenuClick(
      {
        menuItemId: info.menuItemId,
        tabId,
        info,
        ...(pageUrl && /^https?:/i.test(pageUrl) ? { pageUrl } : {}),
      },
      clickDeps,
    ).catch((error: unknown) => {
      // Even the panel could not be told (its session storage failed): say it aloud.
      console.error('Clientele: menu click failed', error);
      void showProblemNotification(t('menu_click_failed'), say(failureNotice(error))).catch(
        () => undefined,
      );
      return undefined;
    });
  };
}

function menuClickDeps(deps: BackgroundDeps): MenuClickDeps {
  const { repo } = deps;
  const scan = createPageHandlers(deps)['page/scan'];
  return {
    now: repo.clock,
    settings: repo.settings,
    readFindings: deps.findings.read,
    scanPage: async (tabId) => {
      const page = await scan({ tabId }, {});
      return page.ok
        ? { scanned: page.value.scanned, count: page.value.contacts.length }
        : { scanned: false, count: 0 };
    },
    findParty: async ({ emails, phones }) => {
      const found = await findPartiesByContacts(await repo.getDb(), { emails, phones });
      return (
        emails.map((email) => found.byEmail.get(email)).find(Boolean) ??
        phones.map((phone) => found.byPhone.get(phone)).find(Boolean)
      );
    },
    createParty: (draft) => createParty(repo, draft),
    saveIntent: savePanelIntent,
  };
}

declare const __CLIENTELE_TEST_SEAMS__: boolean | undefined;

/**
 * End-to-end tests cannot right-click in a headless browser, so builds made for
 * them (CLIENTELE_GRANT_LOCALHOST=1) give the worker's global scope the very
 * listener a click reaches. Only code already running in the worker can see it;
 * shipped builds do not have it at all.
 */
function exposeTestSeam(onClick: ReturnType<typeof createMenuClickListener>) {
  if (typeof __CLIENTELE_TEST_SEAMS__ === 'undefined' || !__CLIENTELE_TEST_SEAMS__) return;
  Object.assign(globalThis, { clienteleTestSeam: { menuClick: onClick, createMenus } });
}
