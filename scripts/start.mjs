// `npm start`: serves the demo site on localhost and opens Chromium with Clientele
// loaded on it. Runs until the browser window is closed (or Ctrl+C).
import { serveFolder } from './static-server.mjs';
import { launchWithExtension } from './launch-browser.mjs';
import { seedBook } from './seed-book.mjs';

const headless = !process.env.DISPLAY && process.platform === 'linux';
const site = await serveFolder('tests/fixtures/site', Number(process.env.PORT ?? 0));
const browser = await launchWithExtension({ headless });
// The profile is fresh each run; a small demo book makes the known-contact
// highlights, search and the Due list show something (`npm start -- --empty` skips it).
if (!process.argv.includes('--empty')) {
  const seeding = await browser.context.newPage();
  await seeding.goto(browser.extensionUrl('popup.html'));
  await seedBook(seeding);
  // Highlights outside webmail are the user's choice (options → Sites); the demo site
  // makes that choice so the known contacts on it show up highlighted.
  await seeding.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, highlightOnSites: true } });
  });
  await seeding.close();
}
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(`${site.base}/index.html`);

console.log(`Demo site:  ${site.base}/index.html`);
console.log(`Popup:      ${browser.extensionUrl('popup.html')}`);
if (headless) {
  console.log('No display found, so Chromium runs headless. Set DISPLAY to see the window.');
}
console.log('Click the Clientele icon in the toolbar to see who is on the page. Ctrl+C to stop.');

const stop = async () => {
  await browser.close().catch(() => {});
  await site.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
browser.context.on('close', () => void stop());
