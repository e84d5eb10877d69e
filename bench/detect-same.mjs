// `BASELINE=<dir> node bench/detect-same.mjs`: checks that this version's detection
// finds exactly what another version's (a checkout at <dir>) finds, so that a speed
// change can be shown to change nothing else. Every fixture and held-out page, read
// as if served from a plain address, from Gmail and from Outlook (the webmail
// detectors run on their own hosts only), and generated pages of 15,000 and 60,000
// elements: the findings, the merged contacts and the sliced scan's findings of both
// versions, on the same DOM, compared as JSON. Prints one line per difference and a
// total; exits non-zero when anything differs.
/* global document, setTimeout -- the comparison runs in the page */
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveFolder } from '../scripts/static-server.mjs';
import { launchBenchBrowser } from './standalone.mjs';

const BASELINE = process.env.BASELINE;
if (!BASELINE) throw new Error('BASELINE=<checkout of the version to compare with> is required');

const URLS = [
  'https://example.com/page',
  'https://mail.google.com/mail/u/0/#inbox/1',
  'https://outlook.office.com/mail/inbox/id/1',
];
const GENERATED = [15000, 60000];

/** One version's detection as a page global, `global`. */
async function bundle(dir, global, outfile) {
  const root = resolve(dir);
  await build({
    stdin: {
      contents: `
        import { collectFindings, detectContacts } from './lib/detect';
        import { scanInSlices } from './lib/page-scan/sliced-scan';
        window.${global} = { collectFindings, detectContacts, scanInSlices };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    outfile,
    logLevel: 'error',
  });
}
await bundle('.', 'clienteleOurs', 'bench/.build/detect-same-ours.js');
await bundle(BASELINE, 'clienteleTheirs', 'bench/.build/detect-same-theirs.js');
await build({
  stdin: {
    contents: `import { generatePage } from './bench/generate-page'; window.clienteleGenerate = generatePage;`,
    resolveDir: resolve('.'),
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  outfile: 'bench/.build/detect-same-page.js',
  logLevel: 'error',
});

const pages = [
  ...readdirSync('tests/fixtures/site')
    .filter((name) => name.endsWith('.html'))
    .map((name) => `tests/fixtures/site/${name}`),
  ...readdirSync('tests/fixtures/site/hostile')
    .filter((name) => name.endsWith('.html'))
    .map((name) => `tests/fixtures/site/hostile/${name}`),
  ...readdirSync('tests/fixtures/held-out')
    .filter((name) => name.endsWith('.html'))
    .map((name) => `tests/fixtures/held-out/${name}`),
  ...GENERATED.map((n) => `generated:${n}`),
];

const site = await serveFolder('.');
const browser = await launchBenchBrowser();
let compared = 0;
let differences = 0;
for (const name of pages) {
  const page = await browser.newPage();
  // The pages' own scripts do not run: a hostile page rewrites itself or breaks the
  // DOM's methods, and the two versions must read the same document.
  await page.route(/\.html$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
    await route.fulfill({ response, body });
  });
  const generated = name.startsWith('generated:') ? Number(name.slice(10)) : undefined;
  await page.goto(generated ? `${site.base}/bench/index.html` : `${site.base}/${name}`);
  await page.addScriptTag({ path: 'bench/.build/detect-same-ours.js' });
  await page.addScriptTag({ path: 'bench/.build/detect-same-theirs.js' });
  if (generated) {
    await page.addScriptTag({ path: 'bench/.build/detect-same-page.js' });
    await page.evaluate((n) => window.clienteleGenerate(document, n), generated);
  }
  for (const url of URLS) {
    const results = await page.evaluate(
      async (context) => {
        // A hostile page can break the DOM's own methods: then both must fail alike.
        const guarded = async (work) => {
          try {
            return JSON.stringify(await work());
          } catch (error) {
            return `threw ${error}`;
          }
        };
        const run = async (version) => ({
          findings: await guarded(() => version.collectFindings(document, context)),
          contacts: await guarded(() => version.detectContacts(document, context)),
          sliced: await guarded(() =>
            version.scanInSlices(document, context, (work) =>
              setTimeout(() => work({ timeRemaining: () => 5, didTimeout: false }), 0),
            ),
          ),
        });
        return { ours: await run(window.clienteleOurs), theirs: await run(window.clienteleTheirs) };
      },
      { url },
    );
    for (const part of ['findings', 'contacts', 'sliced']) {
      compared++;
      if (results.ours[part] !== results.theirs[part]) {
        differences++;
        console.log(`DIFFERENT ${name} as ${url}: ${part}`);
        console.log(`  ours:   ${results.ours[part].slice(0, 400)}`);
        console.log(`  theirs: ${results.theirs[part].slice(0, 400)}`);
      }
    }
    const contacts = results.ours.contacts;
    const count = contacts.startsWith('threw')
      ? contacts
      : `${JSON.parse(contacts).length} contacts`;
    console.log(`${name} as ${new URL(url).host}: ${count}`);
  }
  await page.close();
}
await browser.close();
await site.close();
console.log(`${compared} comparisons, ${differences} differences`);
process.exitCode = differences > 0 ? 1 : 0;
