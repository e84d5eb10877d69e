// `npm run screenshots`: PNGs of the popup, side panel, options and dashboard in the
// light and dark themes, from the built extension in Chromium with the demo book.
// Writes docs/screenshots/<surface>-<theme>.png (the README shows them).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithExtension } from './launch-browser.mjs';
import { seedBook } from './seed-book.mjs';
import { serveFolder } from './static-server.mjs';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const STORE_OUT = 'docs/store';
mkdirSync(STORE_OUT, { recursive: true });

/**
 * The stores want 1280×800 images: each is one of the screenshots above, whole
 * and unscaled where it fits, on a plain stage with one line saying what it shows.
 */
const STORE_IMAGES = [
  ['popup-page-light', 'Everyone on the page you are reading, known or new, one click to add'],
  ['side-panel-light', 'The sender’s record beside the message: history, health, a quick log'],
  ['popup-search-dark', 'Every record by name, email, phone or organisation, typos forgiven'],
  ['dashboard-light', 'Relationships by kind and health, revenue per month, prospects by stage'],
  ['options-light', 'Your data stays yours: backup, CSV, vCard and calendar, in and out'],
];

const site = await serveFolder('tests/fixtures/site');
const ext = await launchWithExtension();
try {
  const home = await ext.context.newPage();
  await home.goto(ext.extensionUrl('popup.html'));
  await seedBook(home);

  const gmail = await ext.context.newPage();
  await gmail.goto(`${site.base}/gmail.html?visit=screenshots`);
  const tabs = await home.evaluate(() => chrome.tabs.query({}));
  const gmailTab = tabs.find((tab) => tab.url?.includes('gmail.html'))?.id;
  const index = await ext.context.newPage();
  await index.goto(`${site.base}/index.html?visit=screenshots`);
  const indexTab = (await home.evaluate(() => chrome.tabs.query({}))).find((tab) =>
    tab.url?.includes('index.html'),
  )?.id;

  /** Each shot: a page of the extension, its size, and what to wait for or do first. */
  const shots = [
    {
      name: 'popup-page',
      path: `popup.html?tab=${indexTab}`,
      size: [380, 560],
      ready: 'page-contacts',
    },
    {
      name: 'popup-search',
      path: `popup.html?view=search&tab=${indexTab}`,
      size: [380, 560],
      ready: 'search-input',
      type: 'zoe',
    },
    {
      name: 'popup-due',
      path: `popup.html?view=due&tab=${indexTab}`,
      size: [380, 560],
      ready: 'due-list',
    },
    {
      name: 'side-panel',
      path: `sidepanel.html?tab=${gmailTab}`,
      size: [400, 800],
      ready: 'party-card',
    },
    { name: 'options', path: 'options.html', size: [900, 1100], ready: 'options' },
    { name: 'dashboard', path: 'dashboard.html', size: [1200, 1000], ready: 'dashboard' },
  ];
  for (const shot of shots) {
    const file = shot.path.split('?')[0];
    if (!existsSync(join(EXTENSION_DIR, file))) {
      console.log(`skipped ${shot.name}: no ${file} in this build`);
      continue;
    }
    for (const theme of ['light', 'dark']) {
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: shot.size[0], height: shot.size[1] });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(ext.extensionUrl(shot.path));
      await page.getByTestId(shot.ready).first().waitFor({ timeout: 15_000 });
      if (shot.type) {
        await page.getByTestId(shot.ready).fill(shot.type);
        await page.getByTestId('search-result').first().waitFor();
      }
      await page.waitForTimeout(300); // let fonts and transitions settle
      const out = join(OUT, `${shot.name}-${theme}.png`);
      await page.screenshot({ path: out, fullPage: true });
      console.log(`wrote ${out}`);
      await page.close();
    }
  }
  for (const [index, [name, caption]] of STORE_IMAGES.entries()) {
    const source = join(OUT, `${name}.png`);
    if (!existsSync(source)) continue;
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const image = readFileSync(source).toString('base64');
    await page.setContent(
      `<body style="margin:0;height:800px;display:flex;flex-direction:column;align-items:center;` +
        `justify-content:center;gap:20px;background:#eef2fb;font:26px system-ui,sans-serif;color:#1d2430">` +
        `<p style="margin:0;max-width:1100px;text-align:center"></p>` +
        `<img style="max-width:1200px;max-height:680px;object-fit:contain;object-position:top;` +
        `box-shadow:0 4px 24px #0003;border-radius:8px" src="data:image/png;base64,${image}"></body>`,
    );
    await page.locator('p').evaluate((element, text) => (element.textContent = text), caption);
    await page.locator('img').evaluate((img) => img.decode());
    const out = join(STORE_OUT, `${index + 1}-${name}.png`);
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
    await page.close();
  }
} finally {
  await ext.close();
  await site.close();
}
