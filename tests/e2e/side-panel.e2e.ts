import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ask,
  launchWithExtension,
  startSite,
  tabIdOf,
  waitForPageContacts,
  type Launched,
} from './helpers';

/**
 * The side panel in real Chromium, opened as `sidepanel.html?tab=<id>` beside a
 * Gmail-like page: it shows the open message's sender, follows the page when another
 * message opens (no reload of either), adds the unknown sender, logs from the
 * thread, and edits the record in place.
 */
describe('side panel: follows the open message', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let ext: Launched;
  let mail: Page;
  let panel: Page;
  let tabId: number;

  beforeAll(async () => {
    site = await startSite();
    ext = await launchWithExtension();
    mail = await ext.context.newPage();
    await mail.goto(site.url('gmail.html'));
    panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    tabId = await tabIdOf(panel, mail.url());
    await waitForPageContacts(panel, tabId, (contacts) =>
      contacts.some((c) => c.contact.role === 'sender'),
    );
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${tabId}`));
    await panel.getByTestId('side-panel').waitFor();
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it('offers to add the unknown sender, prefilled from the message and its signature', async () => {
    const form = panel.getByTestId('add-sender');
    await form.waitFor();
    expect(await panel.getByTestId('add-sender-name').inputValue()).toBe('Marigold Testwell');
    expect(await panel.getByTestId('add-sender-email').textContent()).toBe(
      'marigold.testwell@harbourlight.example',
    );
    const suggestions = await panel.getByTestId('suggestions').textContent();
    expect(suggestions).toContain('Creative Director');
    expect(suggestions).toContain('+442079460958');
  });

  it('adds the sender as a client with the ticked title, then shows the record', async () => {
    await panel.getByTestId('suggestion-title').check();
    await panel.getByTestId('add-sender-client').click();
    const card = panel.getByTestId('party-card');
    await card.waitFor();
    expect(await card.getByTestId('party-name').textContent()).toBe('Marigold Testwell');
    expect(await card.getByTestId('kind-badge').getAttribute('data-kind')).toBe('client');
    expect(await card.textContent()).toContain('Creative Director');
    expect(await panel.getByTestId('notice').textContent()).toBe(
      'Added Marigold Testwell as a client.',
    );
    expect(await panel.getByTestId('kind-history').textContent()).toContain('Added as client');
    expect(await panel.getByTestId('timeline').textContent()).toContain('Nothing logged yet');
    // The signature's phone was not ticked, so it is not on the record.
    const view = await ask<{ party: { phones: string[]; title: string } }>(panel, 'parties/get', {
      id: await card.getAttribute('data-party-id'),
    });
    expect(view.party).toMatchObject({ phones: [], title: 'Creative Director' });
  });

  it('logs an email from the thread: it lands on the timeline with the thread’s link', async () => {
    expect(await panel.getByTestId('log-type').inputValue()).toBe('email');
    await panel.getByTestId('log-summary').fill('Wordmark variants by Friday');
    await panel.getByTestId('log-summary').press('Enter');
    const item = panel.getByTestId('timeline-item').first();
    await item.waitFor();
    expect(await item.getAttribute('data-type')).toBe('email');
    expect(await item.textContent()).toContain('Wordmark variants by Friday');
    expect(await item.getByTestId('timeline-link').getAttribute('href')).toBe(mail.url());
    expect(await panel.getByTestId('last-interaction').textContent()).toMatch(/Last contact/);
  });

  it('edits the record in place, and the change is stored', async () => {
    await panel.getByTestId('edit-button').click();
    const form = panel.getByTestId('edit-party');
    await form.waitFor();
    await panel.getByTestId('edit-organization').fill('Harbourlight Studio Ltd');
    await panel.getByTestId('edit-phone-add').click();
    await panel.getByTestId('edit-phone-value').last().fill('+44 20 7946 0958');
    await panel.getByTestId('edit-tags').fill('brand, 2025');
    await panel.getByTestId('edit-save').click();
    await panel.getByTestId('party-card').waitFor();
    expect(await panel.getByTestId('notice').textContent()).toBe('Saved.');

    await panel.reload();
    const card = panel.getByTestId('party-card');
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain('Harbourlight Studio Ltd');
    // Shown as it reads (the browser's region is the US), stored in E.164.
    expect(text).toContain('+44 20 7946 0958');
    expect(text).toContain('brand');
    // Found again by the new phone: the search projection moved with the record.
    const rows = await ask<{ rows: { name: string; phones: string[] }[] }>(
      panel,
      'search/rows',
      {},
    );
    expect(rows.rows.find((row) => row.name === 'Marigold Testwell')?.phones).toEqual([
      '+442079460958',
    ]);
  });

  it('refuses an edit that takes another record’s address, saying whose', async () => {
    await ask(panel, 'parties/create', {
      name: 'Otto Placeholder',
      kind: 'customer',
      emails: ['otto.placeholder@harbourlight.example'],
    });
    await panel.getByTestId('edit-button').click();
    await panel.getByTestId('edit-email-add').click();
    await panel
      .getByTestId('edit-email-value')
      .last()
      .fill('otto.placeholder@harbourlight.example');
    await panel.getByTestId('edit-save').click();
    const alert = panel.getByTestId('edit-party').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'otto.placeholder@harbourlight.example is already on Otto Placeholder’s record.',
    );
    await panel.keyboard.press('Escape');
    await panel.getByTestId('party-card').waitFor();
  });

  it('edits a second address and a phone’s own label; both stay after a reload and go out in a vCard', async () => {
    const id = await panel.getByTestId('party-card').getAttribute('data-party-id');
    await ask(panel, 'parties/update', {
      id,
      patch: {
        addresses: [
          { types: ['work'], street: '4 Quay Street', locality: 'Bristol' },
          { types: ['home'], locality: 'Bath', country: 'United Kingdom' },
        ],
      },
    });
    await panel.reload();
    await panel.getByTestId('edit-button').click();
    const second = panel.getByTestId('edit-address').nth(1);
    await second.getByTestId('edit-city').fill('Wells');
    await second.getByTestId('edit-address-type').selectOption('other');
    await panel.getByTestId('edit-phone-type').first().selectOption('custom');
    await panel.getByLabel('Label of Phone 1').fill('Studio');
    await panel.getByTestId('edit-save').click();
    await panel.getByTestId('party-card').waitFor();

    await panel.reload();
    const card = panel.getByTestId('party-card');
    await card.waitFor();
    expect(await card.getByTestId('party-phone').first().textContent()).toBe(
      'Studio: +44 20 7946 0958',
    );
    const addresses = await card.getByTestId('party-address').allTextContents();
    expect(addresses).toHaveLength(2);
    expect(addresses[0]).toContain('Bristol');
    expect(addresses[1]).toContain('Other:');
    expect(addresses[1]).toContain('Wells');

    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByTestId('export-vcard').click(),
    ]);
    const vcf = await readFile(await download.path(), 'utf8');
    await options.close();
    const lines =
      vcf
        .split(/\r\n(?=BEGIN:VCARD)/)
        .find((c) => c.includes('FN:Marigold Testwell'))
        ?.split('\r\n') ?? [];
    expect(lines).toContain('ADR;TYPE=work:;;4 Quay Street;Bristol;;;');
    expect(lines).toContain('ADR;TYPE=other:;;;Wells;;;United Kingdom');
    const tel = lines.findIndex((line) => /^item\d+\.TEL;.*:tel:\+442079460958$/.test(line));
    expect(tel).toBeGreaterThan(-1);
    expect(lines[tel + 1]).toBe(`${lines[tel]!.split('.')[0]}.X-ABLabel:Studio`);
  });

  it('edits the name parts in the form; they stay after a reload and go out as the vCard’s N', async () => {
    await panel.getByTestId('edit-button').click();
    const parts = panel.getByTestId('edit-name-parts');
    await parts.getByTestId('edit-name-prefix').fill('Ms.');
    await parts.getByTestId('edit-name-given').fill('Marigold');
    await parts.getByTestId('edit-name-additional').fill('Rose; Anne');
    await parts.getByTestId('edit-name-family').fill('Testwell');
    await panel.getByTestId('edit-save').click();
    await panel.getByTestId('party-card').waitFor();

    await panel.reload();
    await panel.getByTestId('edit-button').click();
    expect(await panel.getByTestId('edit-name-additional').inputValue()).toBe('Rose; Anne');
    // The display name changed alone: the form says the parts stay; nothing is saved.
    await panel.getByTestId('edit-name').fill('Marigold Testwell-Hart');
    await panel.getByTestId('edit-name-parts-note').filter({ hasText: /\S/ }).waitFor();
    await panel.keyboard.press('Escape');
    await panel.getByTestId('party-card').waitFor();

    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByTestId('export-vcard').click(),
    ]);
    const vcf = await readFile(await download.path(), 'utf8');
    await options.close();
    const lines =
      vcf
        .split(/\r\n(?=BEGIN:VCARD)/)
        .find((c) => c.includes('FN:Marigold Testwell\r\n'))
        ?.split('\r\n') ?? [];
    // Family first, and the `;` typed in a part escaped so it stays inside its part.
    expect(lines).toContain('N:Testwell;Marigold;Rose\\; Anne;Ms.;');
  });

  it('follows the page when another message opens, without a reload', async () => {
    const marker = await panel.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
      return performance.timeOrigin;
    });
    await mail.locator('#open-next').click();
    await panel.getByTestId('add-sender').waitFor();
    expect(await panel.getByTestId('add-sender-name').inputValue()).toBe('Wendell Notreal');
    expect(await panel.getByTestId('suggestions').textContent()).toContain('+12025550142');
    // The same document: nothing reloaded.
    expect(await panel.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
    expect(await panel.evaluate(() => performance.timeOrigin)).toBe(marker);
  });

  it('adds the sender with more details: a typed phone and an address, on the record and in the vCard', async () => {
    const form = panel.getByTestId('add-sender');
    await form.getByTestId('add-sender-more').click();
    await form.getByTestId('edit-phone-add').click();
    await form.getByTestId('edit-phone-value').fill('+1 202 555 0199');
    await form.getByTestId('edit-phone-type').selectOption('mobile');
    await form.getByTestId('edit-address-add').click();
    await form.getByTestId('edit-address-type').selectOption('work');
    await form.getByTestId('edit-street').fill('1 Quay Street');
    await form.getByTestId('edit-postal-code').fill('BS1 4DJ');
    await form.getByTestId('edit-city').fill('Bristol');
    await panel.getByTestId('add-sender-prospect').click();
    const card = panel.getByTestId('party-card');
    await card.waitFor();
    expect(await card.getByTestId('party-name').textContent()).toBe('Wendell Notreal');
    expect(await card.getByTestId('kind-badge').getAttribute('data-kind')).toBe('prospect');
    expect(await card.getByTestId('party-phone').allTextContents()).toContain(
      'Mobile: (202) 555-0199',
    );
    expect(await card.getByTestId('party-address').first().textContent()).toContain('Bristol');

    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByTestId('export-vcard').click(),
    ]);
    const vcf = await readFile(await download.path(), 'utf8');
    await options.close();
    const lines =
      vcf
        .split(/\r\n(?=BEGIN:VCARD)/)
        .find((c) => c.includes('FN:Wendell Notreal'))
        ?.split('\r\n') ?? [];
    expect(lines).toContain('ADR;TYPE=work:;;1 Quay Street;Bristol;;BS1 4DJ;');
    expect(lines.filter((line) => /^TEL;.*TYPE=cell.*:tel:\+12025550199$/.test(line))).toHaveLength(
      1,
    );
  });

  it('shows the known sender’s record, whose kind changes from the card', async () => {
    const card = panel.getByTestId('party-card');
    await card.waitFor();
    expect(await card.getByTestId('party-name').textContent()).toBe('Wendell Notreal');
    // The kind changes from the card, and the history keeps the date.
    await panel.getByTestId('change-kind').selectOption('customer');
    await panel.waitForFunction(() =>
      document
        .querySelector('[data-testid="kind-history"]')
        ?.textContent?.includes('Prospect → Customer'),
    );
  });

  it('keeps following the person when a no-reply notice opens below their message', async () => {
    await mail.evaluate(() => {
      const notice = document.createElement('div');
      notice.className = 'adn';
      const header = document.createElement('h3');
      const sender = document.createElement('span');
      sender.className = 'gD';
      sender.setAttribute('email', 'no-reply@billing.example');
      sender.setAttribute('name', 'Billing');
      sender.textContent = 'Billing';
      header.append(sender);
      const body = document.createElement('div');
      body.className = 'a3s';
      body.textContent = 'Your invoice is ready.';
      notice.append(header, body);
      const last = [...document.querySelectorAll('div.adn')].pop()!;
      last.after(notice);
    });
    await waitForPageContacts(panel, tabId, (contacts) =>
      contacts.some((c) => c.contact.emails.includes('no-reply@billing.example')),
    );
    // A panel opened now reads the thread as it is, the notice in it (no stale render).
    await panel.reload();
    const card = panel.getByTestId('party-card');
    await card.waitFor();
    expect(await card.getByTestId('party-name').textContent()).toBe('Wendell Notreal');
  });

  it('lists the contacts of a page that is not a message', async () => {
    const team = await ext.context.newPage();
    await team.goto(`${site.base}/team.html`);
    const teamTab = await tabIdOf(panel, team.url());
    await waitForPageContacts(panel, teamTab, (contacts) => contacts.length > 0);
    const other = await ext.context.newPage();
    await other.goto(ext.extensionUrl(`sidepanel.html?tab=${teamTab}`));
    await other.getByTestId('page-view').waitFor();
    const emails = await other
      .getByTestId('page-contact')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-email')));
    expect(emails).toContain('priya.raman@brightwater.example');
    await other.close();
    await team.close();
  });
});
