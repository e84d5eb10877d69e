import { browser } from 'wxt/browser';
import { readTabFindings } from '../../lib/platform/tab-findings';
import { scanTab } from './scan-tab';

/**
 * Scans again every tab that reported contacts, so the page's highlights follow a
 * deletion or an undo at once. The scanner reuses the page's session and reports
 * as usual; a tab it may no longer reach is skipped.
 */
export async function rescanTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id }) => {
      if (id === undefined || !(await readTabFindings(id))) return;
      await scanTab(id);
    }),
  );
}
