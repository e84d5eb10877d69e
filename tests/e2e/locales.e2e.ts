// Over 300 lines would be too many for one tour; this file holds the two that share a
// pseudo-locale build and a seeded book: every page's strings, and every page mirrored.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/launch-browser.mjs';
import {
  ask,
  launchWithExtension,
  startSite,
  tabIdOf,
  waitForPageContacts,
  type Launched,
} from './helpers';

/**
 * The built extension, copied with a pseudo-locale catalogue: every message is
 * bracketed ⟦…⟧ and lengthened by a third, so that text not taken from the
 * catalogue shows up unbracketed, and longer translations are tried on the layout.
 * Installed as English (what the browser picks by default) it tests the strings;
 * installed as Arabic (`--lang=ar`) the browser also says right-to-left.
 *
 * The catalogue names Arabic as its language (`catalogue_locale`): dates, numbers,
 * plurals and region names that go through Intl with the page's language then come
 * out in Arabic script, so any Latin letter outside the brackets is either the book's
 * own data (seeded here, and excluded by value) or text that bypassed the catalogue —
 * including a date or number formatted in the browser's language instead of the page's.
 */
let pseudoDir: string;

function pseudo(message: string): string {
  const padding = '·'.repeat(Math.ceil(message.length / 3));
  // Placeholders ($NAME$) stay as they are, so the browser still fills them in.
  return `⟦${message}${padding}⟧`;
}

beforeAll(async () => {
  pseudoDir = await mkdtemp(join(tmpdir(), 'clientele-pseudo-'));
  await cp(EXTENSION_DIR, pseudoDir, { recursive: true });
  const english = JSON.parse(
    await readFile(join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  const bracketed = Object.fromEntries(
    Object.entries(english).map(([key, entry]) => [
      key,
      // The locale tags are data, not text.
      key.startsWith('catalogue_') ? entry : { ...entry, message: pseudo(entry.message) },
    ]),
  );
  for (const locale of ['en', 'ar']) {
    await mkdir(join(pseudoDir, '_locales', locale), { recursive: true });
    const direction = { message: locale === 'ar' ? 'rtl' : 'ltr' };
    await writeFile(
      join(pseudoDir, '_locales', locale, 'messages.json'),
      JSON.stringify({
        ...bracketed,
        catalogue_dir: direction,
        catalogue_locale: { message: 'ar' },
      }),
    );
  }
});

afterAll(async () => {
  await rm(pseudoDir, { recursive: true, force: true });
});

let ext: Launched | undefined;
let site: Awaited<ReturnType<typeof startSite>> | undefined;
afterEach(async () => {
  await ext?.close();
  await site?.close();
  ext = undefined;
  site = undefined;
});

/** The book's own words: what the pages may show that is not UI text. */
const SEED = {
  client: {
    name: 'Ada Lovelace',
    kind: 'client',
    emails: ['ada@northwind.example'],
    organizationName: 'Northwind',
    notes: 'Prefers mornings',
  },
  prospect: { name: 'Grace Hopper', kind: 'prospect', emails: ['grace@contoso.example'] },
  summary: 'Kick-off call',
  followUp: 'Send the proposal',
  /** Deleted from the popup in the tour, for the Undo toast and Recently deleted. */
  spare: { name: 'Mary Somerville', kind: 'prospect', emails: ['mary@somerville.example'] },
  /** The client's name at the same organization: a duplicate suggestion. */
  twin: {
    name: 'Ada Lovelace',
    kind: 'prospect',
    emails: ['countess@northwind.example'],
    organizationName: 'Northwind',
  },
  /** A prospect's first purchase: a suggested change of kind. */
  purchase: 'Brand workshop',
  /** A file with a row left out and a value adjusted: the import preview's problems. */
  importFile: {
    name: 'contacts.csv',
    text: [
      'Name,Given Name,E-mail 1 - Value,Phone 1 - Value',
      'Emmy Noether,Emmy,not-an-address,',
      'Sofia Kovalevskaya,Sofia,sofia@math.example,call me',
    ].join('\n'),
    // Its own cells, the header's included: the column mapping shows them as they are.
    data: [
      'Emmy Noether',
      'not-an-address',
      'Sofia Kovalevskaya',
      'sofia@math.example',
      'call me',
      'Given Name',
      'E-mail 1 - Value',
      'Phone 1 - Value',
      'Name',
      'Emmy',
      'Sofia',
    ],
  },
} as const;

/** The fields that hold the book's (or the page's) own words, not codes or enums. */
const DATA_FIELDS = new Set([
  'name',
  'partyName',
  'organizationName',
  'organization',
  'jobTitle',
  'emails',
  'email',
  'phones',
  'phone',
  'notes',
  'note',
  'summary',
  'title',
  'website',
  'url',
  'currency',
  'source',
  'description',
  'serviceName',
]);

/** The words a reply carried in its data fields, which pages may show as they are. */
function leaves(value: unknown, into: Set<string>, field = ''): Set<string> {
  if (typeof value === 'string' && DATA_FIELDS.has(field) && /[A-Za-z]/.test(value))
    into.add(value);
  else if (Array.isArray(value)) for (const item of value) leaves(item, into, field);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) leaves(item, into, key);
  return into;
}

interface Book {
  teamTab: number;
  mailTab: number;
  clientId: string;
  prospectId: string;
  data: string[];
}

/** The fixture site's team page and a Gmail thread open, and a small book seeded. */
async function seedBook(launched: Launched, served: NonNullable<typeof site>): Promise<Book> {
  const team = await launched.context.newPage();
  await team.goto(`${served.base}/team.html`);
  const mail = await launched.context.newPage();
  await mail.goto(served.url('gmail.html'));
  const page = await launched.context.newPage();
  await page.goto(launched.extensionUrl('options.html'));
  const teamTab = await tabIdOf(page, team.url());
  const mailTab = await tabIdOf(page, mail.url());
  const data = new Set<string>();
  leaves(await ask(page, 'page/scan', { tabId: teamTab }), data);
  leaves(
    await waitForPageContacts(page, mailTab, (contacts) =>
      contacts.some((c) => c.contact.role === 'sender'),
    ),
    data,
  );
  const client = await ask<{ view: { party: { id: string } } }>(
    page,
    'parties/create',
    SEED.client,
  );
  leaves(client, data);
  const prospect = await ask<{ view: { party: { id: string } } }>(
    page,
    'parties/create',
    SEED.prospect,
  );
  leaves(prospect, data);
  leaves(await ask(page, 'parties/create', SEED.twin), data);
  const spare = await ask<{ view: { party: { id: string } } }>(page, 'parties/create', SEED.spare);
  leaves(spare, data);
  const DAY = 86_400_000;
  // One interaction deleted on its own: "An interaction with …" in Recently deleted.
  const note = await ask<{ interaction: { id: string } }>(page, 'interactions/log', {
    partyId: spare.view.party.id,
    type: 'note',
    summary: SEED.summary,
    requestId: 'locales-spare',
  });
  await ask(page, 'records/delete', { store: 'interactions', id: note.interaction.id });
  await ask(page, 'interactions/log', {
    partyId: spare.view.party.id,
    type: 'call',
    summary: SEED.summary,
    requestId: 'locales-spare-kept',
  });
  leaves(
    await ask(page, 'purchases/record', {
      partyId: prospect.view.party.id,
      on: '2026-11-04',
      amount: { amountMinor: 120_000, currency: 'EUR' },
      description: SEED.purchase,
      requestId: 'locales-purchase',
    }),
    data,
  );
  await ask(page, 'interactions/log', {
    partyId: client.view.party.id,
    type: 'call',
    at: Date.now() - 40 * DAY,
    followUpAt: Date.now() - DAY,
    summary: SEED.summary,
    requestId: 'locales-seed',
  });
  leaves(await ask(page, 'dashboard/figures', { timeZone: 'UTC' }), data);
  leaves({ client: SEED.client, prospect: SEED.prospect }, data);
  leaves({ summary: SEED.summary, note: SEED.followUp }, data);
  for (const value of SEED.importFile.data) data.add(value);
  // Currency codes are the same in every language (the currency picker shows them).
  // (Asked of the browser: its list is not Node's.)
  for (const code of await page.evaluate(() => Intl.supportedValuesOf('currency'))) data.add(code);
  // The webmail services' own names, shown as they are in every language.
  for (const name of ['Outlook.com', 'Outlook', 'Gmail']) data.add(name);
  for (const url of [team.url(), mail.url()])
    leaves({ url: url.replace(/^https?:\/\//, '') }, data);
  await page.close();
  // Longest first, so a name is removed whole before a part of it.
  return {
    teamTab,
    mailTab,
    clientId: client.view.party.id,
    prospectId: prospect.view.party.id,
    data: [...data].sort((a, b) => b.length - a.length),
  };
}

/**
 * Visible text and accessible names that did not come from the catalogue, each with
 * the test id of the part it sits in (so a finding names its component).
 */
const strayText = (page: Page, data: readonly string[]) =>
  page.evaluate((bookData) => {
    const stray: string[] = [];
    const outside = (text: string) => {
      // Innermost first: a message may hold another (a label inside a sentence).
      let rest = text;
      for (let before = ''; before !== rest;) {
        before = rest;
        rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
      }
      // Addresses (a placeholder's example server, the sites' origins) are not words.
      rest = rest.replace(/\b(?:https?:\/\/|www\.)\S*/g, ' ');
      for (const value of bookData) rest = rest.split(value).join(' ');
      return /[A-Za-z]/.test(rest) ? rest.replace(/\s+/g, ' ').trim() : '';
    };
    const where = (element: Element) =>
      element.closest('[data-testid]')?.getAttribute('data-testid') ?? element.tagName;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style')) continue;
      const shown = parent.closest('option') ? parent.closest('select') : parent;
      if (!shown?.checkVisibility()) continue;
      const text = outside(node.textContent ?? '');
      if (text) stray.push(`${where(parent)}: ${text}`);
    }
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]'))
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const text = outside(element.getAttribute(name) ?? '');
        if (text) stray.push(`${where(element)} ${name}=${text}`);
      }
    if (outside(document.title)) stray.push(`<title>=${document.title}`);
    return [...new Set(stray)];
  }, data);

/** Every page and its main states, each reached and then handed to `check`. */
async function tour(
  launched: Launched,
  book: Book,
  check: (state: string, page: Page) => Promise<void>,
  sizes: { narrow: number; wide: number } = { narrow: 400, wide: 1100 },
) {
  const page = await launched.context.newPage();
  const open = async (path: string, ready: string, width: number) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(launched.extensionUrl(path));
    await page.getByTestId(ready).first().waitFor();
  };
  const { teamTab, mailTab } = book;

  await open(`popup.html?tab=${teamTab}&view=page`, 'page-contact', sizes.narrow);
  await check('popup: on this page', page);
  await open(`popup.html?tab=${teamTab}&view=search`, 'search-panel', sizes.narrow);
  await page.getByTestId('search-input').fill('ada');
  await page.getByTestId('search-result').first().waitFor();
  await check('popup: search', page);
  await page.getByTestId('search-result').first().click();
  await page.getByTestId('party-card').waitFor();
  await check('popup: a record', page);
  // Its follow-ups listed (or said to be none), and one being added.
  await page
    .locator('[data-testid="followup-row"], [data-testid="followups-empty"]')
    .first()
    .waitFor();
  await page.getByTestId('add-followup').click();
  await page.getByTestId('add-follow-up-form').waitFor();
  await check('popup: a record’s follow-ups, one being added', page);
  await open(`popup.html?tab=${teamTab}&view=due`, 'due-open', sizes.narrow);
  await check('popup: due', page);
  await open(`popup.html?tab=${teamTab}&view=search`, 'search-panel', sizes.narrow);
  await page.getByTestId('search-input').fill('somerville');
  await page.getByTestId('search-result').first().click();
  await page.getByTestId('delete-party').click();
  await page.getByTestId('confirm-delete').waitFor();
  await check('popup: deleting a record', page);
  await page.getByTestId('confirm-delete').click();
  await page.getByTestId('undo').waitFor();
  await check('popup: undo toast', page);

  await open(`sidepanel.html?tab=${teamTab}`, 'page-contact', sizes.narrow);
  await check('side panel: page list', page);
  // The background's refusal, worded by the page: a record the book does not hold. The
  // panel open on the tab takes the request at once (reopening it would find none).
  await ask(page, 'panel/showParty', { tabId: teamTab, partyId: 'no-such-record' });
  await page.getByTestId('record-missing').waitFor();
  await check('side panel: a record that no longer exists', page);
  await open(`sidepanel.html?tab=${mailTab}`, 'add-sender', sizes.narrow);
  await check('side panel: add form', page);
  await page.getByTestId('add-sender-client').click();
  await page.getByTestId('relationship').waitFor();
  await page.getByTestId('followups-empty').waitFor();
  await check('side panel: record', page);
  await ask(page, 'panel/showParty', { tabId: teamTab, partyId: book.prospectId });
  await open(`sidepanel.html?tab=${teamTab}`, 'suggestion', sizes.narrow);
  await check('side panel: a suggested kind', page);
  // The client's follow-up, overdue, its date in the page's language; one being added.
  // The panel open on the tab takes the request at once, as above.
  await ask(page, 'panel/showParty', { tabId: teamTab, partyId: book.clientId });
  await page.getByTestId('followup-row').waitFor();
  await page.getByTestId('add-followup').click();
  await page.getByTestId('add-follow-up-form').waitFor();
  await check('side panel: follow-ups', page);

  await open('options.html', 'options', sizes.wide);
  await page.getByTestId('region-select').waitFor();
  await page.getByTestId('data-section').waitFor();
  await page.getByTestId('search-result').first().waitFor();
  await page.getByTestId('recently-deleted-entry').nth(1).waitFor();
  await check('options: every section', page);
  await page.locator('#service-add').click();
  const service = page.getByTestId('service-form');
  await service.locator('[name="currency"]').selectOption('EUR');
  await service.locator('[name="rate"]').fill('12.345');
  await service.locator('[name="rate"]').press('Enter');
  await page.locator('#service-rate-error').waitFor();
  await check('options: an amount refused', page);
  await page.getByTestId('import-file').setInputFiles({
    name: SEED.importFile.name,
    mimeType: 'text/csv',
    buffer: Buffer.from(SEED.importFile.text),
  });
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('import-warnings').waitFor();
  await check('options: import preview with problems', page);

  await open('dashboard.html', 'party-count', sizes.wide);
  await check('dashboard', page);
  await page.getByTestId('find-duplicates').click();
  await page.getByTestId('duplicate-pair').first().waitFor();
  await check('dashboard: duplicate suggestions', page);

  // The first-run page last: see the accessibility suite on pages opened after it.
  await open('welcome.html', 'welcome', sizes.narrow);
  for (const step of ['about', 'permissions', 'import', 'you', 'try']) {
    await page.getByTestId(`welcome-goto-${step}`).click();
    await page.locator(`[data-step="${step}"]`).waitFor();
    if (step === 'you') await page.getByTestId('region-select').waitFor();
    await check(`welcome: ${step}`, page);
  }
}

/** Twenty-three states, each a page load on a busy machine: more than the suite's default. */
const TOUR_TIMEOUT = 240_000;

describe('pseudo-locale', () => {
  it(
    'every page and main state shows only catalogue text (and the book’s data)',
    async () => {
      site = await startSite();
      ext = await launchWithExtension({ extensionDir: pseudoDir });
      const book = await seedBook(ext, site);
      const stray: string[] = [];
      let seen = 0;
      await tour(ext, book, async (state, page) => {
        seen++;
        stray.push(...(await strayText(page, book.data)).map((text) => `${state} — ${text}`));
      });
      expect(seen).toBe(23);
      // Printed whole: the assertion's diff would cut a long list short.
      if (stray.length > 0) console.log(`Text outside the catalogue:\n${stray.join('\n')}`);
      expect(stray).toEqual([]);
    },
    TOUR_TIMEOUT,
  );

  it('catches text that bypasses the catalogue', async () => {
    ext = await launchWithExtension({ extensionDir: pseudoDir, keepWelcome: true });
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('welcome.html'));
    await page.getByTestId('welcome').waitFor();
    expect(await strayText(page, [])).toEqual([]);
    await page.evaluate(() => {
      const date = document.createElement('p');
      date.textContent = new Date(Date.UTC(2026, 10, 5)).toLocaleDateString('en-US', {
        month: 'long',
      });
      const label = document.createElement('button');
      label.setAttribute('aria-label', 'Close');
      document.body.append(date, label);
    });
    const caught = await strayText(page, []);
    expect(caught).toHaveLength(2);
    expect(caught.join('\n')).toMatch(/November[^]*aria-label=Close/);
  });
});

describe('right to left', () => {
  it(
    'every page and main state is mirrored; nothing overflows or is clipped',
    async () => {
      site = await startSite();
      ext = await launchWithExtension({ extensionDir: pseudoDir, lang: 'ar' });
      const book = await seedBook(ext, site);
      const problems: Record<string, unknown> = {};
      await tour(ext, book, async (state, page) => {
        const layout = await page.evaluate(() => {
          const root = document.documentElement;
          const clipped = [
            ...document.querySelectorAll('button, a, select, input, textarea, h1, h2, h3'),
          ]
            .filter((element) => element.checkVisibility())
            .map((element) => ({ element, box: element.getBoundingClientRect() }))
            .filter(
              ({ box }) => box.width > 0 && (box.left < -1 || box.right > root.clientWidth + 1),
            )
            .map(
              ({ element }) =>
                `${element.tagName} ${element.getAttribute('data-testid') ?? ''} ${element.textContent?.slice(0, 40) ?? ''}`,
            );
          // Whatever reaches past either edge, named for the report.
          const beyond = [...document.body.querySelectorAll('*')]
            .filter((element) => {
              const box = element.getBoundingClientRect();
              return box.left < -1 || box.right > root.clientWidth + 1;
            })
            .slice(0, 3)
            .map((element) => `${element.tagName}.${element.getAttribute('class') ?? ''}`);
          // Mirrored: the first heading's text starts at the right.
          const heading = document.querySelector('h1, h2');
          const range = document.createRange();
          if (heading) range.selectNodeContents(heading);
          const text = range.getBoundingClientRect();
          return {
            dir: root.dir,
            direction: getComputedStyle(document.body).direction,
            overflow: root.scrollWidth - root.clientWidth,
            beyond,
            clipped,
            startsRight: heading === null || text.right > root.clientWidth / 2,
          };
        });
        const expected = {
          dir: 'rtl',
          direction: 'rtl',
          overflow: 0,
          beyond: [],
          clipped: [],
          startsRight: true,
        };
        if (JSON.stringify(layout) !== JSON.stringify(expected)) problems[state] = layout;
      });
      if (Object.keys(problems).length > 0) console.log(JSON.stringify(problems, null, 1));
      expect(problems).toEqual({});
    },
    TOUR_TIMEOUT,
  );
});
