// Launches Chromium with the built extension loaded, for the demo and the tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const EXTENSION_DIR = resolve(process.env.CLIENTELE_OUT_DIR ?? '.output', 'chrome-mv3');

/** The system Chromium (Playwright's own browser download is not used). */
export function chromiumPath() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found)
    throw new Error('No Chromium found: install Debian\'s "chromium" or set CHROMIUM_PATH.');
  return found;
}

const SOURCE_LOCALES = 'public/_locales';

/**
 * Refuses a build whose catalogues differ from the sources. The browser answers ''
 * for a key its catalogue lacks, so a build made before keys were added (a merge
 * or an edit after the last build) shows pages with empty labels next to pages
 * whose keys were older — what the accessibility audits once met after the
 * first-run page, whose keys predated the others. The pages were right; the
 * build was stale.
 */
function assertCatalogueBuilt(extensionDir) {
  if (!existsSync(SOURCE_LOCALES)) return;
  for (const locale of readdirSync(SOURCE_LOCALES)) {
    const read = (dir) => {
      const file = join(dir, locale, 'messages.json');
      return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
    };
    if (!isDeepStrictEqual(read(join(extensionDir, '_locales')), read(SOURCE_LOCALES)))
      throw new Error(
        `The build in ${extensionDir} holds another ${locale} catalogue than ${SOURCE_LOCALES}: build again.`,
      );
  }
}

/**
 * Starts a browser with the extension: on a fresh profile, or on `userDataDir` to
 * see what an earlier run stored (a profile passed in is kept on close unless
 * `keepProfile` is false; a fresh one is deleted unless it is true; `mapHosts` serves
 * hosts from a local HTTPS port, for tests). Flags keep
 * Chromium from reaching out to the network on its own (this machine has none,
 * and the extension must not either).
 *
 * Installing opens the first-run page in a tab; it is closed as soon as it shows
 * unless `keepWelcome` is set, so that tests meet the tabs they open themselves.
 * `alsoLoad` loads other unpacked extensions beside it (benches: a floor to compare
 * with; their workers must run a script of another name than ours), and `extraArgs`
 * go to Chromium as they are.
 */
export async function launchWithExtension({
  headless = true,
  extensionDir = EXTENSION_DIR,
  userDataDir: givenProfile = undefined,
  keepProfile = givenProfile !== undefined,
  mapHosts = undefined,
  keepWelcome = false,
  lang = undefined,
  alsoLoad = [],
  extraArgs = [],
} = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run the build first.`);
  }
  if (resolve(extensionDir) === EXTENSION_DIR) assertCatalogueBuilt(extensionDir);
  const userDataDir = givenProfile ?? (await mkdtemp(join(tmpdir(), 'clientele-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false, // the extension needs the new headless mode, passed below
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      `--disable-extensions-except=${[extensionDir, ...alsoLoad].join(',')}`,
      `--load-extension=${[extensionDir, ...alsoLoad].join(',')}`,
      // Tests only: the webmail hosts answer from the local fixture server, whose
      // certificate was made for the run (Gmail's host is HSTS-preloaded: HTTPS or nothing).
      ...(mapHosts
        ? [
            `--host-resolver-rules=${mapHosts.hosts.map((host) => `MAP ${host} 127.0.0.1:${mapHosts.port}`).join(', ')}`,
            '--ignore-certificate-errors',
          ]
        : []),
      ...(lang ? [`--lang=${lang}`] : []),
      ...extraArgs,
    ],
    ...(mapHosts && { ignoreHTTPSErrors: true }),
  });
  // With other extensions loaded beside it, ours is the worker running our script.
  const script = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')).background
    ?.service_worker;
  const ours = (worker) => !script || new URL(worker.url()).pathname === `/${script}`;
  const worker =
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours }));
  const extensionId = new URL(worker.url()).host;
  if (!keepWelcome) {
    const welcome = `chrome-extension://${extensionId}/welcome.html`;
    const closeWelcome = (page) => {
      if (page.url() === welcome) void page.close().catch(() => {});
      else if (page.url() === 'about:blank') page.once('framenavigated', () => closeWelcome(page));
    };
    context.pages().forEach(closeWelcome);
    context.on('page', closeWelcome);
  }
  return {
    context,
    extensionId,
    userDataDir,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
