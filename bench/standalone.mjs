// What every bench runner shares: a plain headless Chromium (no extension) for
// page-side measurements, and the frame for running one part alone from the shell.
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../scripts/launch-browser.mjs';
import { serveFolder } from '../scripts/static-server.mjs';

/**
 * Headless Chromium with the flags that keep it off the network on these machines.
 * `BENCH_BROWSER_FLAGS` adds more, space-separated, for diagnosis (for example
 * `--js-flags=--no-regexp-tier-up`, to see what a cold scan spends in the regexp
 * interpreter); figures taken with it are not the product's.
 */
export function launchBenchBrowser() {
  const extra = (process.env.BENCH_BROWSER_FLAGS ?? '').split(' ').filter(Boolean);
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extra,
    ],
  });
}

/**
 * Runs one part (`bench({ browser, site, results })` fills `results[name]`) with its
 * own browser and server, prints it and writes bench-results/<name>.json.
 */
export async function runStandalone(name, bench, print) {
  const site = await serveFolder('.');
  const browser = await launchBenchBrowser();
  const results = { when: new Date().toISOString(), chromium: browser.version() };
  try {
    await bench({ browser, site, results });
  } finally {
    await browser.close();
    await site.close();
  }
  print(results[name]);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(`bench-results/${name}.json`, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Written to bench-results/${name}.json`);
}
