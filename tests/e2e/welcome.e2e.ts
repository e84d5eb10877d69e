import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchWithExtension, type Launched } from './helpers';

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

/** The first-run page the install opened (or opens next). */
async function installedWelcome(context: BrowserContext, url: string): Promise<Page> {
  const open = context.pages().find((page) => page.url() === url);
  const page = open ?? (await context.waitForEvent('page', (page) => page.url() === url));
  await page.getByTestId('welcome').waitFor();
  return page;
}

const focusedTestId = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id,
  );

describe('the first-run page', () => {
  it('opens on install, steps by keyboard, and goes on where the user closed it', async () => {
    ext = await launchWithExtension({ keepWelcome: true });
    const welcomeUrl = ext.extensionUrl('welcome.html');
    const welcome = await installedWelcome(ext.context, welcomeUrl);
    await expect(welcome.title()).resolves.toBe('Welcome to Clientele');
    expect(await welcome.locator('h2').textContent()).toBe('What Clientele does');
    expect(await welcome.locator('main').textContent()).toContain('No server and no account');

    // Keyboard only: Tab to "Next" and press Enter; focus lands on the new step's heading.
    for (let i = 0; i < 20 && (await focusedTestId(welcome)) !== 'welcome-next'; i++)
      await welcome.keyboard.press('Tab');
    expect(await focusedTestId(welcome)).toBe('welcome-next');
    await welcome.keyboard.press('Enter');
    await welcome.locator('[data-step="permissions"]').waitFor();
    expect(await focusedTestId(welcome)).toBe('welcome-step-heading');
    // One line per permission group of the running (Chrome) manifest.
    const reasons = await welcome
      .getByTestId('welcome-permissions')
      .locator('li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-permission')));
    expect(reasons).toEqual([
      'permission_storage',
      'permission_scripting',
      'permission_contextMenus',
      'permission_sidePanel',
      'permission_alarms',
      'permission_webmail',
      'permission_optionalSites',
    ]);

    // Closed at this step, it closes its tab…
    const closed = welcome.waitForEvent('close');
    await welcome.getByTestId('welcome-close').click();
    await closed;

    // …and, reopened from the options, goes on from the same step.
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    const reopened = ext.context.waitForEvent('page');
    await options.getByTestId('options-welcome').click();
    const again = await reopened;
    await again.getByTestId('welcome').waitFor();
    expect(await again.getByTestId('welcome').getAttribute('data-step')).toBe('permissions');

    // Bring your contacts: the link goes to the options page's import.
    await again.getByTestId('welcome-goto-import').click();
    const importLink = again.getByTestId('welcome-import');
    expect(await importLink.getAttribute('href')).toBe(ext.extensionUrl('options.html#data'));
    for (const format of ['Google', 'Outlook', 'vCard', 'LinkedIn', 'backup'])
      expect(await again.locator('main').textContent()).toContain(format);

    // About you: the phone region is chosen right here, and saved.
    await again.getByTestId('welcome-next').click();
    await again.getByTestId('region-select').selectOption('DE');
    await expect
      .poll(() =>
        again.evaluate(async () => {
          const { settings } = await chrome.storage.local.get('settings');
          return (settings as { region?: string } | undefined)?.region;
        }),
      )
      .toBe('DE');

    // The last step ends it; the next visit starts from the beginning.
    await again.getByTestId('welcome-next').click();
    const done = again.waitForEvent('close');
    await again.getByTestId('welcome-done').click();
    await done;
    const third = await ext.context.newPage();
    await third.goto(welcomeUrl);
    await third.getByTestId('welcome').waitFor();
    expect(await third.getByTestId('welcome').getAttribute('data-step')).toBe('about');
  });

  it('speaks the browser language: German from the catalogue, name and all', async () => {
    ext = await launchWithExtension({ keepWelcome: true, lang: 'de' });
    const welcome = await installedWelcome(ext.context, ext.extensionUrl('welcome.html'));
    await expect(welcome.title()).resolves.toBe('Willkommen bei Clientele');
    expect(await welcome.locator('html').getAttribute('lang')).toMatch(/^de/);
    expect(await welcome.locator('h2').textContent()).toBe('Was Clientele tut');
    expect(await welcome.getByTestId('welcome-next').textContent()).toBe('Weiter');
    const description = await welcome.evaluate(() => chrome.runtime.getManifest().description);
    expect(description).toContain('Alles bleibt auf Ihrem Rechner');
  });
});
