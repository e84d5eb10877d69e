import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import expected from '../fixtures/expected-contacts.json';
import {
  launchWithExtension,
  startSite,
  tabIdOf,
  waitForScanRegistration,
  type Launched,
} from './helpers';

const pages = Object.entries(expected).filter(([name]) => name.endsWith('.html')) as [
  string,
  { emails: string[]; phones: string[] },
][];

/** Each fixture page, in real Chromium: its contacts are listed in the popup, and nothing else. */
describe('the popup lists the contacts of each fixture page', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let ext: Launched;
  let probe: Page;

  beforeAll(async () => {
    site = await startSite();
    ext = await launchWithExtension();
    probe = await ext.context.newPage();
    await probe.goto(ext.extensionUrl('popup.html?tab=0'));
    await waitForScanRegistration(probe);
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it.each(pages)('%s', async (name, truth) => {
    const page = await ext.context.newPage();
    await page.goto(site.url(name));
    const elementsBefore = await page.evaluate(() => document.getElementsByTagName('*').length);
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl(`popup.html?tab=${await tabIdOf(probe, page.url())}`));
    await popup.getByTestId('page-contacts').waitFor();
    const listed = await popup.getByTestId('page-contact').evaluateAll((items) =>
      items.flatMap((item) =>
        [...item.querySelectorAll('.contact-name, .contact-email')].map((el) => ({
          text: el.textContent ?? '',
          phone: el.getAttribute('data-phone'),
        })),
      ),
    );
    const emails = listed
      .map(({ text }) => text)
      .filter((text) => text.includes('@'))
      .sort();
    // Each phone carries its stored form (E.164, an extension kept as `;ext=`, compared
    // without it) beside the text people read.
    const phones = listed
      .flatMap(({ phone }) => (phone ? [phone.replace(/;ext=\d+$/, '')] : []))
      .sort();
    expect(emails).toEqual([...truth.emails].sort());
    expect(phones).toEqual([...truth.phones].sort());
    // Reading the page changed none of it.
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBe(
      elementsBefore,
    );
    await popup.close();
    await page.close();
  });
});
