// `npm start`: serves the demo site on localhost and opens Chromium with Clientele
// loaded on it. Runs until the browser window is closed (or Ctrl+C).
import { serveFolder } from './static-server.mjs';
import { launchWithExtension } from './launch-browser.mjs';

const headless = !process.env.DISPLAY && process.platform === 'linux';
const site = await serveFolder('tests/fixtures/site', Number(process.env.PORT ?? 0));
const browser = await launchWithExtension({ headless });
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
