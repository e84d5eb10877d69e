import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, launchWithExtension, startSite, tabIdOf, type Launched } from './helpers';

/**
 * The core jobs with the keyboard alone: Tab, Shift+Tab, arrows, typing and Enter —
 * no clicks, no `focus()`. Each step moves focus the way a person would and checks
 * that the focused control shows a visible focus ring.
 */
let site: Awaited<ReturnType<typeof startSite>>;
let ext: Launched;
let popup: Page;

/** What has focus: its test id, else its label's text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return (
      element?.getAttribute('data-testid') ??
      element?.closest('label')?.firstChild?.textContent?.trim() ??
      element?.id ??
      ''
    );
  });

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after a full round. */
async function tabTo(page: Page, target: string, backwards = false): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if ((await focused(page)) === target) {
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
      });
      expect(ring, `${target} shows where focus is`).toBe(true);
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target} (last: ${await focused(page)})`);
}

describe('the core jobs, by keyboard only', () => {
  beforeAll(async () => {
    site = await startSite();
    ext = await launchWithExtension();
    const page = await ext.context.newPage();
    await page.goto(`${site.base}/index.html`);
    popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html'));
    const tab = await tabIdOf(popup, page.url());
    await popup.goto(ext.extensionUrl(`popup.html?tab=${tab}`));
    await popup.getByTestId('page-contacts').waitFor();
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it('finds someone on the page, adds them, logs a call with a follow-up, and marks it done', async () => {
    // Find: the page's contacts are listed; Tab reaches Ada's "add as client".
    const ada = popup.locator(
      '[data-testid="page-contact"][data-email="ada.lovelace@northwind.example"]',
    );
    await ada.waitFor();
    await ada.evaluate((row) => row.setAttribute('data-under-test', ''));
    for (let presses = 0; presses < 80; presses++) {
      const inAda = await popup.evaluate(
        () =>
          document.activeElement?.closest('[data-under-test]') !== null &&
          document.activeElement?.getAttribute('data-testid') === 'add-as-client',
      );
      if (inAda) break;
      await popup.keyboard.press('Tab');
    }
    await popup.keyboard.press('Enter');
    await popup.getByTestId('party-card').waitFor();
    expect(await popup.getByTestId('party-name').textContent()).toBe('Ada Lovelace');

    // Log a call with a follow-up.
    await tabTo(popup, 'log-type', true);
    await popup.keyboard.type('c');
    await tabTo(popup, 'log-summary');
    await popup.keyboard.type('Talked through the proposal');
    // The call was two days ago; its follow-up, yesterday, is due now. (Date fields
    // take the digits of each part in turn, in the browser's en-US order.)
    const typed = (daysAgo: number) =>
      popup.evaluate((days) => {
        const day = new Date(Date.now() - days * 86_400_000);
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${pad(day.getMonth() + 1)}${pad(day.getDate())}${day.getFullYear()}`;
      }, daysAgo);
    await tabTo(popup, 'When');
    await popup.keyboard.type(await typed(2));
    await popup.keyboard.press('ArrowRight'); // from the year (up to six digits) to the hour
    await popup.keyboard.type('0900A');
    await tabTo(popup, 'Follow up on');
    await popup.keyboard.type(await typed(1));
    await tabTo(popup, 'log-submit');
    await popup.keyboard.press('Enter');
    await popup.getByTestId('timeline-item').first().waitFor();
    expect(await popup.getByTestId('timeline-item').first().getAttribute('data-type')).toBe('call');

    // Back to the views (Escape); End moves along the tab list to the last, Due.
    await popup.keyboard.press('Escape');
    await popup.getByTestId('page-contacts').waitFor();
    await tabTo(popup, 'view-page');
    await popup.keyboard.press('End');
    const item = popup.getByTestId('due-item').filter({ hasText: 'Ada Lovelace' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Talked through the proposal');

    // Mark it done: "Done, log it" opens the log; "Done, don't log" completes it.
    await tabTo(popup, 'due-done');
    await popup.keyboard.press('Enter');
    await tabTo(popup, 'due-done-only');
    await popup.keyboard.press('Enter');
    await item.waitFor({ state: 'detached' });
    const due = await ask<{ items: { partyName: string }[] }>(popup, 'due/list', {});
    expect(due.items.filter((entry) => entry.partyName === 'Ada Lovelace')).toEqual([]);
  });
});
