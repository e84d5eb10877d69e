import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, launchWithExtension, startSite, tabIdOf, type Launched } from './helpers';

const STORES = ['parties', 'interactions', 'followUps', 'services', 'engagements', 'purchases'];

/** Every store, page by page, as the options page reads it for a backup. */
async function exportStores(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (stores) => {
    const out: Record<string, unknown[]> = {};
    for (const store of stores) {
      out[store] = [];
      let after: string | undefined;
      do {
        const reply = (await chrome.runtime.sendMessage({
          channel: 'clientele/1',
          name: 'transfer/exportPage',
          request: { store, after, limit: 2 },
        })) as { ok: boolean; value: { records: unknown[]; next?: string } };
        if (!reply.ok) throw new Error(JSON.stringify(reply));
        out[store].push(...reply.value.records);
        after = reply.value.next;
      } while (after);
    }
    return out;
  }, STORES);
}

/**
 * Owning your data, end to end in Chromium: a book backed up, wiped and restored is
 * the same book; a CSV imports through the options page; a card linked from a page
 * imports in one click from the popup.
 */
describe('transfer: backup → wipe → restore, CSV import, one-click vCard', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let ext: Launched;
  let page: Page;

  beforeAll(async () => {
    site = await startSite();
    ext = await launchWithExtension();
    page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('popup.html'));
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it('restores a wiped book exactly from its backup', async () => {
    const ada = await ask<{ view: { party: { id: string } } }>(page, 'parties/create', {
      name: 'Zoë Ångström',
      kind: 'client',
      emails: ['zoe@bücher.de'],
      phones: ['+44 20 7946 0123'],
      notes: 'שלום — 👋 =SUM(A1)',
      tags: ['vip'],
    });
    await ask(page, 'parties/create', {
      name: 'Grace Hopper',
      kind: 'prospect',
      emails: ['grace@navy.example'],
    });
    await ask(page, 'interactions/log', {
      partyId: ada.view.party.id,
      type: 'call',
      summary: 'Kick-off call',
      requestId: 'e2e-call-1',
      followUpAt: Date.UTC(2030, 0, 15),
    });
    const before = await exportStores(page);
    expect(before.parties).toHaveLength(2);
    expect(before.interactions).toHaveLength(1);
    expect(before.followUps).toHaveLength(1);

    // Wipe: delete the database from an extension page (the worker's connection steps aside).
    const deleted = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.deleteDatabase('clientele');
          request.onsuccess = () => resolve('deleted');
          request.onerror = () => resolve('error');
        }),
    );
    expect(deleted).toBe('deleted');
    const empty = await ask<Record<string, number>>(page, 'transfer/counts', {});
    expect(Object.values(empty).every((n) => n === 0)).toBe(true);

    const { jobId } = await ask<{ jobId: string }>(page, 'transfer/restoreBegin', {
      mode: 'empty',
      schemaVersion: 1,
      counts: Object.fromEntries(STORES.map((s) => [s, before[s]!.length])),
    });
    for (const store of STORES)
      await ask(page, 'transfer/restoreChunk', { jobId, store, offset: 0, records: before[store] });
    await ask(page, 'transfer/restoreCommit', { jobId });

    expect(await exportStores(page)).toEqual(before);
    const rows = await ask<{ rows: { name: string }[] }>(page, 'search/rows', {});
    expect(rows.rows.map((r) => r.name).sort()).toEqual(['Grace Hopper', 'Zoë Ångström']);
  });

  it('imports a CSV through the options page: preview, then import with a result', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByTestId('data-section').waitFor();
    await options.getByTestId('import-file').setInputFiles('tests/fixtures/transfer/google.csv');
    await options.getByTestId('import-preview').waitFor();
    // Zoë is already in the book (same address): the preview says she will be merged.
    const summary = options.getByTestId('import-summary');
    await options.waitForFunction(() =>
      document.querySelector('[data-testid="import-summary"]')?.textContent?.includes('merged'),
    );
    expect(await summary.textContent()).toBe(
      '4 contacts will be imported (1 already in your book will be merged) · 2 rows will not (listed below).',
    );
    await options.getByTestId('import-confirm').click();
    const result = options.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Imported 3 · merged 1 · skipped 2 (see list)');
    const rows = await ask<{ rows: { name: string }[] }>(page, 'search/rows', {});
    expect(rows.rows.map((r) => r.name)).toContain('Ada Lovelace');
    await options.close();
  });

  it('exports every email to Google; Outlook takes three and the summary names the fourth', async () => {
    const emails = [
      'four.1@one.example',
      'four.2@two.example',
      'four.3@three.example',
      'four.4@four.example',
    ];
    await ask(page, 'parties/create', { name: 'Fourfold Mailer', kind: 'client', emails });
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByTestId('data-section').waitFor();
    const exported = async (button: string) => {
      const [download] = await Promise.all([
        options.waitForEvent('download'),
        options.getByTestId(button).click(),
      ]);
      return readFile(await download.path(), 'utf8');
    };
    const google = await exported('export-csv-google');
    for (const email of emails) expect(google).toContain(email);
    // Everything fits Google's layout: the summary is the count alone.
    await options
      .getByTestId('data-status')
      .filter({ hasText: /^Exported \d+ contacts\.$/ })
      .waitFor();

    const outlook = await exported('export-csv-outlook');
    expect(outlook.split('\r\n')[0]).toContain('E-mail 3 Address');
    for (const email of emails.slice(0, 3)) expect(outlook).toContain(email);
    expect(outlook).not.toContain(emails[3]);
    await options
      .getByTestId('data-status')
      .filter({ hasText: 'The Outlook layout has no column for 1 email address (on 1 contact).' })
      .waitFor();
    await options.close();
  });

  it('imports Apple and Outlook 2.1 cards whole: structure stored, bad values kept and listed', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByTestId('data-section').waitFor();
    await options
      .getByTestId('import-file')
      .setInputFiles('tests/fixtures/transfer/outlook-21-windows-1255.vcf');
    await options.getByTestId('import-preview').waitFor();
    // The Exchange address cannot be read: a warning with its line, and the card still imports.
    expect(await options.getByTestId('import-warnings').textContent()).toContain('Line 11');
    await options.getByTestId('import-confirm').click();
    await options.getByTestId('import-result').waitFor();

    await options.getByTestId('import-file').setInputFiles('tests/fixtures/transfer/apple-30.vcf');
    await options.getByTestId('import-preview').waitFor();
    await options.getByTestId('import-confirm').click();
    // Grace is on file from the backup above (same address): the card is merged into her record.
    expect(await options.getByTestId('import-result').textContent()).toContain('merged 1');

    // A 4.0 address label is kept with the record; a line that is no property goes to
    // the notes in the catalogue's words, filled in by the worker that reads the file.
    await options.getByTestId('import-file').setInputFiles({
      name: 'linus.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(
        'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Linus Label\r\n' +
          'ADR;TYPE=work;LABEL="1 Main St^nSpringfield":;;1 Main St;Springfield;;;\r\n' +
          'not a property\r\nEND:VCARD\r\n',
      ),
    });
    await options.getByTestId('import-preview').waitFor();
    await options.getByTestId('import-confirm').click();
    expect(await options.getByTestId('import-result').textContent()).toContain('Imported 1');
    await options.close();

    const parties = (await exportStores(page)).parties as Record<string, unknown>[];
    const yael = parties.find((p) => p.name === 'יעל כהן');
    expect(yael).toMatchObject({
      organizationName: 'מגדלי הים',
      organizationUnits: ['שיווק'],
      birthday: '1985-04-12',
      addresses: [{ types: ['work'], street: 'רחוב הרצל 1\nתל אביב' }],
    });
    expect(yael?.cardProperties).toEqual([
      'EMAIL;TYPE=X400:/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=yael',
    ]);
    const grace = parties.find((p) => p.name === 'Grace Hopper');
    expect(grace).toMatchObject({
      nickname: 'Amazing Grace',
      nameParts: { prefix: 'Rear Admiral', given: 'Grace', family: 'Hopper' },
      birthday: '--12-09',
      anniversary: '1930-06-15',
      photo: { mediaType: 'image/jpeg' },
    });
    expect(grace?.cardProperties).toContain('item6.X-ABRELATEDNAMES;type=pref:Vincent Hopper');
    const linus = parties.find((p) => p.name === 'Linus Label');
    expect(linus).toMatchObject({
      notes: 'Unread card line: not a property',
      addresses: [{ types: ['work'], street: '1 Main St', locality: 'Springfield' }],
      cardProperties: ['LABEL;TYPE=WORK:1 Main St\\nSpringfield'],
    });
  });

  it('finds an imported card in the popup by its nickname and by its city', async () => {
    // Grace came in above from apple-30.vcf: NICKNAME Amazing Grace, a home address in Arlington.
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html?view=search'));
    for (const query of ['amazing', 'arlington']) {
      await popup.getByTestId('search-input').fill(query);
      await popup.getByTestId('search-result').filter({ hasText: 'Grace Hopper' }).waitFor();
    }
    // The search answers what is typed: a word no record holds finds her no more.
    await popup.getByTestId('search-input').fill('zanzibar');
    await popup
      .getByTestId('search-result')
      .filter({ hasText: 'Grace Hopper' })
      .waitFor({ state: 'detached' });
    await popup.close();
  });

  it('reads a big vCard file in a worker, with a progress bar, then imports every card', async () => {
    const count = 3000;
    const cards = Array.from(
      { length: count },
      (_, i) =>
        `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Worker Person ${i}\r\nEMAIL:worker${i}@example.org\r\nEND:VCARD\r\n`,
    ).join('');
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByTestId('data-section').waitFor();
    // Whatever the machine's speed, an observer sees the bar appear and move.
    await options.evaluate(() => {
      const seen = { bar: false, furthest: 0 };
      (window as unknown as { readingSeen: typeof seen }).readingSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>(
          '[data-testid="import-reading-progress"]',
        );
        if (!bar) return;
        seen.bar = true;
        seen.furthest = Math.max(seen.furthest, bar.value / bar.max);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await options.getByTestId('import-file').setInputFiles({
      name: 'big.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(cards),
    });
    await options.getByTestId('import-preview').waitFor();
    const seen = await options.evaluate(
      () => (window as unknown as { readingSeen: { bar: boolean; furthest: number } }).readingSeen,
    );
    expect(seen.bar).toBe(true);
    expect(seen.furthest).toBeGreaterThan(0);
    expect(await options.getByTestId('import-summary').textContent()).toContain(
      '3,000 contacts will be imported',
    );
    await options.getByTestId('import-confirm').click();
    expect(await options.getByTestId('import-result').textContent()).toContain('Imported 3,000');
    await options.close();
  });

  it('imports the card a page links to, in one click from the popup', async () => {
    const directory = await ext.context.newPage();
    await directory.goto(`${site.base}/directory.html`);
    const tabId = await tabIdOf(page, directory.url());
    const cardUrl = `${site.base}/cards/mira.vcf`;
    const deadline = Date.now() + 10_000;
    let vcards: string[] = [];
    while (Date.now() < deadline && !vcards.includes(cardUrl)) {
      vcards = (await ask<{ vcards?: string[] }>(page, 'page/contacts', { tabId })).vcards ?? [];
      if (!vcards.includes(cardUrl)) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(vcards).toContain(cardUrl);

    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl(`popup.html?tab=${tabId}`));
    const card = popup.locator(`[data-testid="vcard-link"][data-url="${cardUrl}"]`);
    await card.getByTestId('vcard-import').click();
    const said = card.getByTestId('vcard-result');
    await said.waitFor();
    expect(await said.textContent()).toBe('Added Mira Patel.');
    const rows = await ask<{ rows: { name: string; emails: string[] }[] }>(page, 'search/rows', {});
    expect(rows.rows.find((r) => r.name === 'Mira Patel')?.emails).toEqual([
      'mira@harbourlane.example',
    ]);

    // A URL the page does not link is refused, whatever the popup asks.
    const refused = await page.evaluate(
      ([tab, url]) =>
        chrome.runtime.sendMessage({
          channel: 'clientele/1',
          name: 'transfer/importVcardLink',
          request: { tabId: tab, url },
        }),
      [tabId, `${site.base}/cards/other.vcf`] as const,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await popup.close();
    await directory.close();
  });
});
