// `node bench/profile-detect.mjs [elements…]`: times each detector and the merge
// separately in headless Chromium on the generated pages (default 15,000 and
// 60,000 elements) and the webmail fixtures, and prints digests of what was found,
// so a speed change can be checked to find exactly the same contacts.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../scripts/launch-browser.mjs';
import { serveFolder } from '../scripts/static-server.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const runs = Number(process.env.RUNS ?? 9);

await build({
  entryPoints: ['bench/profile-detect.ts'],
  bundle: true,
  minify: true,
  // Detector names in the table.
  keepNames: true,
  format: 'iife',
  outfile: 'bench/.build/profile.js',
  logLevel: 'error',
});

const site = await serveFolder('.');
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function profileOn(url, elements) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.addScriptTag({ path: 'bench/.build/profile.js' });
  const result = await page.evaluate(
    ([n, r]) => window.clienteleProfile.profile(n ?? undefined, r),
    [elements ?? null, runs],
  );
  await page.close();
  return result;
}

const pages = [
  ...(sizes.length > 0 ? sizes : [15000, 60000]).map((n) => [
    `generated-${n}`,
    `${site.base}/bench/index.html`,
    n,
  ]),
  ['gmail-like', `${site.base}/tests/fixtures/site/gmail.html`],
  ['outlook-like', `${site.base}/tests/fixtures/site/outlook.html`],
  ['directory', `${site.base}/tests/fixtures/site/directory.html`],
];
for (const [name, url, elements] of pages) {
  const result = await profileOn(url, elements);
  const floorMs = result.rows['floor (TreeWalker)'];
  console.log(
    `\n${name}: ${result.elements} elements, ${result.findings} findings (${result.findingsDigest}), ` +
      `${result.contacts} contacts (${result.contactsDigest})`,
  );
  console.table(
    Object.fromEntries(
      Object.entries(result.rows).map(([row, ms]) => [
        row,
        {
          ms: Number(ms.toFixed(2)),
          '÷ floor': floorMs > 0 ? Number((ms / floorMs).toFixed(2)) : null,
        },
      ]),
    ),
  );
}
await browser.close();
await site.close();
