import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ask,
  launchWithExtension,
  startSite,
  tabIdOf,
  waitForPageContacts,
  waitForScanRegistration,
  type Launched,
  type PageContactView,
} from './helpers';

const GRACE = 'grace.hopper@northwind.example';
const emailsOf = (contacts: PageContactView[]) => contacts.flatMap((c) => c.contact.emails);

interface StoredSettings {
  region: string;
  cadence: Record<string, number | null>;
  neverCapture: string[];
  highlightOnSites?: boolean;
}
interface Listing {
  services: {
    service: {
      name: string;
      terms: { pricingModel: string; billingPeriod?: string; rate: { amountMinor: number } };
    };
  }[];
}

/**
 * The options page in real Chromium: every change is made with the keyboard and
 * the mouse as a user would, takes effect without a reload (the never-capture list
 * on a real page), and is still there after the browser restarts on the same profile.
 */
describe('options page', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let profile: string;
  let ext: Launched;
  let options: Page;

  async function openOptions() {
    options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByTestId('options').waitFor();
    // The settings and the catalogue are read asynchronously.
    await options.getByTestId('cadence-client').waitFor();
    await options
      .getByRole('button', { name: 'Add a service' })
      .and(options.locator(':enabled'))
      .waitFor();
  }

  const status = () => options.getByTestId('options-status');
  async function statusSays(text: string) {
    await status().filter({ hasText: text }).waitFor({ timeout: 10_000 });
  }
  const storedSettings = () =>
    options.evaluate(async () => {
      // What the options page wrote, read straight from the extension's storage.
      const local = chrome.storage.local as unknown as {
        get(key: string): Promise<{ settings?: unknown }>;
      };
      return (await local.get('settings')).settings as StoredSettings;
    });

  let visits = 0;
  async function contactsOn(path: string, ready: (emails: string[]) => boolean) {
    const page = await ext.context.newPage();
    await page.goto(`${site.base}/${path}?visit=${++visits}`);
    const tabId = await tabIdOf(options, page.url());
    const contacts = await waitForPageContacts(options, tabId, (c) => ready(emailsOf(c)));
    await page.close();
    return emailsOf(contacts);
  }

  beforeAll(async () => {
    site = await startSite();
    profile = await mkdtemp(join(tmpdir(), 'clientele-options-'));
    ext = await launchWithExtension({ userDataDir: profile });
    await openOptions();
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('changes the check-in cadence, explaining a wrong value beside its field', async () => {
    await options.getByTestId('cadence-client').fill('45');
    await options.getByTestId('cadence-client').press('Enter');
    await statusSays('Check-in cadence saved.');

    const customer = options.getByTestId('cadence-customer');
    await customer.fill('0');
    await customer.press('Tab');
    await options.getByText('Choose from 1 to 3650 days (ten years).').waitFor();
    expect(await customer.getAttribute('aria-invalid')).toBe('true');
    expect((await storedSettings()).cadence.customer).toBe(90);

    await customer.fill('120');
    await customer.press('Tab');
    await expect
      .poll(async () => (await storedSettings()).cadence)
      .toEqual({
        client: 45,
        customer: 120,
        prospect: 14,
        former: null,
      });
    expect(await options.getByText('Choose from 1 to 3650').count()).toBe(0);
  });

  it('changes the default phone region', async () => {
    await options.getByTestId('region-select').selectOption('DE');
    await statusSays('Phone region saved.');
    expect((await storedSettings()).region).toBe('DE');
  });

  it('turns highlights on for other sites, off at first', async () => {
    const choice = options
      .getByTestId('highlight-on-sites')
      .getByRole('checkbox', { name: /other sites too/ });
    expect(await choice.isChecked()).toBe(false);
    await choice.focus();
    await options.keyboard.press('Space');
    await statusSays('Highlight choice saved.');
    expect((await storedSettings()).highlightOnSites).toBe(true);
  });

  it('mounts backup and import under "Your data"', async () => {
    await options.locator('#data').getByRole('heading', { name: 'Your data' }).waitFor();
  });

  it('shows webmail and localhost as built in', async () => {
    const builtIn = await options.getByTestId('built-in-sites').innerText();
    expect(builtIn).toContain('Gmail');
    expect(builtIn).toContain('Outlook');
    expect(builtIn).toContain('http://localhost');
  });

  it('adds a never-capture address, and a page scanned afterwards does not report it', async () => {
    await waitForScanRegistration(options);
    // Before: the fixture page reports Grace.
    const before = await contactsOn('index.html', (e) => e.includes('hello@northwind.example'));
    expect(before).toContain(GRACE);

    const input = options.getByTestId('never-capture-input');
    await input.fill(' Grace.Hopper@Northwind.EXAMPLE ');
    await input.press('Enter');
    await statusSays('Never-capture list saved.');
    expect(await options.getByTestId('never-capture-entry').allInnerTexts()).toEqual([
      expect.stringContaining(GRACE),
    ]);

    // After, with no reload of anything: everyone else on the page is found, Grace is not.
    const after = await contactsOn('index.html', (e) => e.includes('hello@northwind.example'));
    expect(after).toContain('ada.lovelace@northwind.example');
    expect(after).not.toContain(GRACE);
  });

  it('removes the address with undo', async () => {
    await options.getByRole('button', { name: `Remove ${GRACE}` }).click();
    await expect.poll(async () => (await storedSettings()).neverCapture).toEqual([]);
    // Undo has focus: Enter puts the address back.
    await options.keyboard.press('Enter');
    await expect.poll(async () => (await storedSettings()).neverCapture).toEqual([GRACE]);
  });

  it('adds a service from the keyboard, with its amount stored exactly', async () => {
    await options.getByRole('button', { name: 'Add a service' }).focus();
    await options.keyboard.press('Enter');
    const form = options.getByTestId('service-form');
    await form.getByLabel('Name').fill('Monthly advisory');
    await form.getByLabel('Pricing').selectOption('retainer');
    await form.getByLabel('Billed').selectOption('month');
    await form.getByLabel('Currency').selectOption('EUR');
    await form.getByLabel('Scope').fill('Two calls a month and email.');
    await form.getByLabel('Amount per billing period').fill('2500.5');
    await form.getByLabel('Amount per billing period').press('Enter');
    await statusSays('“Monthly advisory” saved.');

    const row = options.getByTestId('service-row');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('Monthly advisory');
    const { services } = await ask<Listing>(options, 'services/list', {});
    expect(services.map((l) => l.service)).toEqual([
      expect.objectContaining({
        name: 'Monthly advisory',
        terms: {
          pricingModel: 'retainer',
          billingPeriod: 'month',
          rate: { amountMinor: 250_050, currency: 'EUR' },
        },
      }),
    ]);
  });

  it('keeps every change after the browser restarts on the same profile', async () => {
    await ext.close();
    ext = await launchWithExtension({ userDataDir: profile });
    await openOptions();

    expect(await options.getByTestId('cadence-client').inputValue()).toBe('45');
    expect(await options.getByTestId('cadence-customer').inputValue()).toBe('120');
    expect(await options.getByTestId('cadence-prospect').inputValue()).toBe('14');
    expect(await options.getByTestId('region-select').inputValue()).toBe('DE');
    expect(
      await options
        .getByTestId('highlight-on-sites')
        .getByRole('checkbox', { name: /other sites too/ })
        .isChecked(),
    ).toBe(true);
    expect(await options.getByTestId('never-capture-entry').allInnerTexts()).toEqual([
      expect.stringContaining(GRACE),
    ]);
    await options.getByTestId('service-row').waitFor();
    expect(await options.getByTestId('service-row').innerText()).toContain('Monthly advisory');
    // And the list still applies to pages read after the restart.
    await waitForScanRegistration(options);
    const after = await contactsOn('index.html', (e) => e.includes('hello@northwind.example'));
    expect(after).not.toContain(GRACE);
  });
});
