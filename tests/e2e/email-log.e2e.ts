import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ask,
  launchWithExtension,
  tabIdOf,
  waitForScanRegistration,
  type Launched,
} from './helpers';

const ADA = 'ada.lovelace@analytical.example';
const RAVENNA = 'ravenna.makebelieve@brightwater-legal.example';

/**
 * Email that logs itself, in real Chromium. The fixture threads are served at the real
 * webmail addresses (Playwright answers https://mail.google.com/… and
 * https://outlook.office.com/… from tests/fixtures/site, with no network): the scan
 * script runs there from the manifest's own webmail grant, and the background judges
 * the reports by the browser's sender URL exactly as it would in Gmail and Outlook.
 */
describe('email that logs itself', () => {
  let ext: Launched;
  let extensionPage: Page;
  let options: Page;

  beforeAll(async () => {
    ext = await launchWithExtension();
    for (const host of ['https://mail.google.com', 'https://outlook.office.com'])
      await ext.context.route(`${host}/**`, async (route) => {
        const file = new URL(route.request().url()).pathname.split('/').pop() ?? '';
        if (!/^[a-z-]+\.html$/.test(file)) return route.fulfill({ status: 404, body: '' });
        const body = await readFile(`tests/fixtures/site/${file}`, 'utf8');
        await route.fulfill({ status: 200, contentType: 'text/html', body });
      });
    extensionPage = await ext.context.newPage();
    await extensionPage.goto(ext.extensionUrl('popup.html?tab=0'));
    await waitForScanRegistration(extensionPage);
    options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
  });

  afterAll(async () => {
    await ext?.close();
  });

  async function setMode(mode: 'off' | 'ask' | 'auto') {
    await options.getByTestId('email-log-mode').selectOption(mode);
    await options.getByText('Email logging saved.').waitFor();
  }

  async function addParty(name: string, email: string): Promise<string> {
    const created = await ask<{ view: { party: { id: string } } }>(
      extensionPage,
      'parties/create',
      {
        name,
        kind: 'client',
        emails: [email],
      },
    );
    return created.view.party.id;
  }

  const emailsOf = async (partyId: string) =>
    (
      await ask<{ interactions: { type: string; direction: string }[] }>(
        extensionPage,
        'interactions/list',
        { partyId, limit: 200 },
      )
    ).interactions.filter((interaction) => interaction.type === 'email');

  /** Waits until the background has judged (and in auto mode logged) the tab's thread. */
  async function threadRead(tabId: number) {
    await expect
      .poll(
        async () =>
          (await ask<{ thread: boolean }>(extensionPage, 'email/thread', { tabId })).thread,
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
    return ask<{ offers: { name: string; count: number }[]; logged: unknown[] }>(
      extensionPage,
      'email/thread',
      { tabId },
    );
  }

  let visits = 0;
  let ada = '';
  async function openThread(url: string) {
    const page = await ext.context.newPage();
    await page.goto(`${url}?visit=${++visits}`);
    return { page, tabId: await tabIdOf(extensionPage, page.url()) };
  }

  it('auto: a thread of 4 messages, 2 with a known client, logs 2; reloading and reopening log none again', async () => {
    await setMode('auto');
    ada = await addParty('Ada Lovelace', ADA);
    const { page, tabId } = await openThread('https://mail.google.com/mail/u/0/gmail-thread.html');
    await threadRead(tabId);
    const logged = await emailsOf(ada);
    expect(logged.map((interaction) => interaction.direction).sort()).toEqual([
      'inbound',
      'outbound',
    ]);

    // Reload: the tab's thread is read and judged again (its stored read cleared first,
    // so that its return says the new read was handled).
    await extensionPage.evaluate((key) => chrome.storage.session.remove(key), `thread:${tabId}`);
    await page.reload();
    await threadRead(tabId);
    // Reopened in a second tab while the first is still open.
    const second = await openThread('https://mail.google.com/mail/u/0/gmail-thread.html');
    await threadRead(second.tabId);
    expect(await emailsOf(ada)).toHaveLength(2);

    // The side panel shows the thread's logged messages, and removing one takes it out of the history.
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${second.tabId}`));
    await expect.poll(() => panel.getByTestId('thread-logged-item').count()).toBe(2);
    await panel.getByTestId('thread-log-remove').first().click();
    await expect.poll(() => panel.getByTestId('thread-logged-item').count()).toBe(1);
    expect(await emailsOf(ada)).toHaveLength(1);
    await Promise.all([page.close(), second.page.close(), panel.close()]);
  });

  it('ask: the side panel offers the thread’s emails with a client, and one click logs them', async () => {
    await setMode('ask');
    const ravenna = await addParty('Ravenna Makebelieve', RAVENNA);
    const { page, tabId } = await openThread('https://outlook.office.com/mail/outlook-thread.html');
    const status = await threadRead(tabId);
    expect(status.offers).toEqual([
      expect.objectContaining({ name: 'Ravenna Makebelieve', count: 3 }),
    ]);
    expect(await emailsOf(ravenna)).toHaveLength(0); // nothing is logged before the click

    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${tabId}`));
    const offer = panel.getByTestId('log-thread');
    await expect
      .poll(() => panel.getByTestId('thread-log').innerText())
      .toContain('3 emails with Ravenna Makebelieve in this thread — Log them');
    await offer.click();
    await expect.poll(() => panel.getByTestId('thread-logged-item').count()).toBe(3);
    expect(await emailsOf(ravenna)).toHaveLength(3);
    expect(await panel.getByTestId('log-thread').count()).toBe(0);
    await Promise.all([page.close(), panel.close()]);
  });

  it('auto: an address on the never-capture list is not logged', async () => {
    await setMode('auto');
    const charles = await addParty('Charles Babbage', 'charles.babbage@difference.example');
    const input = options.getByTestId('never-capture-input');
    await input.fill('difference.example');
    await input.press('Enter');
    await options.getByText('Never-capture list saved.').waitFor();
    const { page, tabId } = await openThread('https://mail.google.com/mail/u/0/gmail-thread.html');
    await threadRead(tabId);
    expect(await emailsOf(charles)).toHaveLength(0);
    await page.close();
  });

  it('ask: a no-reply sender is not offered, even with a client in copy', async () => {
    await setMode('ask');
    const { page, tabId } = await openThread('https://mail.google.com/mail/u/0/gmail-notice.html');
    const status = await threadRead(tabId);
    expect(status.offers).toEqual([]);
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${tabId}`));
    await panel.getByTestId('side-panel').waitFor();
    expect(await panel.getByTestId('log-thread').count()).toBe(0);
    const people = await ask<{ people: { email: string }[] }>(extensionPage, 'email/people', {});
    expect(people.people.map((person) => person.email)).not.toContain(
      'notifications@projectboard.example',
    );
    await Promise.all([page.close(), panel.close()]);
  });

  it('auto: a reply the user sends is logged once it appears in the thread (compose is never read)', async () => {
    await setMode('auto');
    ada = await addParty('Ada Lovelace', ADA); // on file already when run with the others
    const { page, tabId } = await openThread('https://mail.google.com/mail/u/0/gmail-thread.html');
    await threadRead(tabId);
    const before = (await emailsOf(ada)).length;
    // As Gmail does after Send: the new message joins the thread view.
    await page.evaluate((address) => {
      const span = (className: string, attributes: Record<string, string>, text: string) => {
        const element = document.createElement('span');
        element.className = className;
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        element.textContent = text;
        return element;
      };
      const sent = document.createElement('div');
      sent.className = 'adn ads';
      sent.setAttribute('data-message-id', '#msg-f:1826182731224596999');
      sent.append(
        span('gD', { email: 'robin.quill@quillworks.example', name: 'Robin Quill' }, 'Robin'),
        span('g3', { title: 'Wed, 5 Mar 2025, 16:20' }, '16:20'),
        span('g2', { email: address, name: 'Ada Lovelace' }, 'Ada'),
      );
      document.querySelector('[role="list"]')!.append(sent);
    }, ADA);
    await expect
      .poll(async () => (await emailsOf(ada)).length, { timeout: 20_000 })
      .toBe(before + 1);
    expect((await emailsOf(ada))[0]!.direction).toBe('outbound');
    await page.close();
  });

  it('off: a webmail thread is not read for logging at all', async () => {
    await setMode('off');
    const { page, tabId } = await openThread('https://mail.google.com/mail/u/0/gmail-notice.html');
    // The scan still reports the page's contacts; the thread script is never started.
    await expect
      .poll(
        async () =>
          (await ask<{ scanned: boolean }>(extensionPage, 'page/contacts', { tabId })).scanned,
      )
      .toBe(true);
    expect((await ask<{ thread: boolean }>(extensionPage, 'email/thread', { tabId })).thread).toBe(
      false,
    );
    await page.close();
  });
});
