// Static checks over the BUILT Chrome extension, the one users install: no HTML or code
// sinks beyond a reviewed few, a manifest that asks for exactly the reviewed
// permissions and exposes nothing, listeners added when the worker starts, and a small
// content script. Prints a short report; exits 1 on any finding.
//
//   node scripts/check-bundle.mjs              builds into .output-check, checks, deletes it
//   node scripts/check-bundle.mjs --dir DIR    checks an existing chrome-mv3 build in DIR
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  applyAllowList,
  findSinks,
  initialLoad,
  kb,
  manifestProblems,
  overBudget,
  pageProblems,
} from './bundle-rules.mjs';
import { readWorkerListeners } from './worker-listeners.mjs';

/** What the shipped manifest may ask for, each with why. A change here is a product decision. */
const REVIEWED_MANIFEST = {
  keys: [
    'manifest_version',
    'name',
    'description',
    'default_locale', // name, description and pages in the user's language, from _locales
    'version',
    'permissions',
    'host_permissions',
    'optional_host_permissions',
    'icons', // the mark at 16/32/48/128, rendered from public/icon/icon.svg
    'action',
    'background',
    'options_ui',
    'side_panel',
  ],
  permissions: {
    storage: 'settings and small state that must outlive the worker (reminders, tab findings)',
    unlimitedStorage: 'the records store in IndexedDB is not capped at 10 MB',
    scripting: 'registers the scanner on granted sites; reads the page the popup is opened on',
    activeTab: 'reads the current page only when the user opens the popup there',
    contextMenus: 'the right-click actions on links, selections and pages',
    alarms: 'wakes the worker when follow-ups and check-ins come due',
    notifications: 'one digest notification for what came due',
    sidePanel: "the sender's record beside the message (WXT adds it for the side panel)",
  },
  hostPermissions: {
    'https://mail.google.com/*': 'finds the sender of the open message in Gmail',
    'https://outlook.office.com/*': 'the same in Outlook on the web (work accounts)',
    'https://outlook.office365.com/*': 'the same in Outlook on the web (older work address)',
    'https://outlook.live.com/*': 'the same in Outlook on the web (personal accounts)',
  },
  optionalHostPermissions: {
    'https://*/*': 'asked one site at a time, by "always scan this site"',
    'http://*/*': 'the same, for sites without TLS',
  },
  webAccessibleResources: [],
};

/**
 * Sinks the bundle may hold, each reviewed: the file (hash removed), the sink, the
 * code around it as built (local names are compared blurred, see blurLocalNames)
 * and why it is safe. Anything else the scan finds fails the check.
 */
const ALLOWED_SINKS = [
  {
    file: 'chunks/theme.js',
    sink: 'innerHTML',
    snippet: 'f.__html==r.innerHTML',
    reason: "Preact's dangerouslySetInnerHTML support; the source never uses that prop (lint rule)",
  },
  {
    file: 'chunks/theme.js',
    sink: 'innerHTML',
    snippet: 'r.innerHTML=f.__html',
    reason: "Preact's dangerouslySetInnerHTML support; the source never uses that prop (lint rule)",
  },
  {
    file: 'chunks/theme.js',
    sink: 'innerHTML',
    snippet: 'r.innerHTML=""',
    reason: 'Preact clearing an element that had dangerouslySetInnerHTML; writes no markup',
  },
  {
    file: 'chunks/theme.js',
    sink: 'fetch',
    snippet: 'fetch(i.href,t)',
    reason: "Vite's modulepreload polyfill: fetches the page's own <link rel=modulepreload> chunks",
  },
  {
    file: 'chunks/csv-write.js',
    sink: 'XMLHttpRequest',
    snippet: 'e=new XMLHttpRequest',
    reason: "Papa Parse's download mode; imports parse local files and never set `download`",
  },
  {
    file: 'background.js',
    sink: 'fetch',
    snippet: 'await fetch(t,{credentials:"include"})',
    reason:
      'read-tab-text.ts: injected into the page with scripting.executeScript, so the page itself fetches a .vcf link the user chose',
  },
  {
    file: 'background.js',
    sink: 'fetch',
    snippet: '=(r,s)=>fetch(r,s)',
    reason:
      "lib/sync/dav-client.ts's default fetcher; sync only ever gives it the user's own CardDAV/CalDAV server, whose origin they granted",
  },
  {
    file: 'background.js',
    sink: 'fetch',
    snippet: 'fetch:(n,r)=>fetch(n,{...r,signal:AbortSignal.timeout',
    reason:
      "entrypoints/background/sync.ts: the same requests to the user's own server, with a time limit",
  },
  {
    file: 'assets/read-file.worker.js',
    sink: 'XMLHttpRequest',
    snippet: 'g=new XMLHttpRequest',
    reason:
      "Papa Parse's download mode, bundled into the import reader worker; imports parse local files and never set `download`",
  },
];

/** Events the worker must hear even when it was asleep: their listeners go in at start. */
const REQUIRED_LISTENERS = {
  'runtime.onMessage': 'every request from the popup, side panel, options and content script',
  'contextMenus.onClicked': 'a right-click action wakes the worker',
  'alarms.onAlarm': 'due follow-ups and check-ins wake the worker',
  'notifications.onClicked': 'a click on the due notification opens the Due list',
  'notifications.onButtonClicked': 'the notification\'s "done" and "snooze" buttons (Chrome)',
  'runtime.onStartup': 'what came due while the browser was closed is announced at start',
};

const CONTENT_SCRIPT_BUDGET = 15 * 1024; // budgets.md: content-script bundle ≤ 15 KB gzip
/**
 * budgets.md: popup JS ≤ 30 KB gzip. Counted over what the popup must load before it
 * shows anything (its entry and every chunk that imports statically), each file
 * gzipped as served; views and actions it loads on use are not counted.
 */
const POPUP_BUDGET = 30 * 1024;
const WORKER_ENTRY = 'entrypoints/background/index.ts';
const CHECK_OUT_DIR = '.output-check';

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(dir, path).split(sep).join('/'));
}

function readProjectFile(path) {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The shipped build: no localhost grant, no test seams. Its output is shown only on failure. */
function buildShipped(outDir) {
  const env = { ...process.env, CLIENTELE_OUT_DIR: outDir };
  delete env.CLIENTELE_GRANT_LOCALHOST;
  const build = spawnSync('npx', ['wxt', 'build'], { env, encoding: 'utf8' });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    throw new Error('the build failed');
  }
}

function checkBundle(extensionDir) {
  const files = filesUnder(extensionDir);
  const read = (file) => readFileSync(join(extensionDir, file), 'utf8');
  const failures = [];
  const lines = [];

  const scripts = files.filter((file) => file.endsWith('.js'));
  const sinks = scripts.flatMap((file) => findSinks(file, read(file)));
  const { unexpected, stale } = applyAllowList(sinks, ALLOWED_SINKS);
  lines.push(
    `sinks: ${sinks.length} in ${scripts.length} scripts, ${sinks.length - unexpected.length} reviewed, ${unexpected.length} unreviewed`,
  );
  for (const found of unexpected) {
    const around = `${found.before.slice(-30)}${found.match}${found.after.slice(0, 30)}`;
    failures.push(`unreviewed ${found.sink} in ${found.file}: …${around.replace(/\s+/g, ' ')}…`);
  }
  for (const { entry, found } of stale)
    failures.push(
      `allow-list entry matched ${found} of ${entry.count ?? 1} (${entry.file} ${entry.snippet}): update or remove it`,
    );
  const seams = scripts.filter((file) => read(file).includes('clienteleTestSeam'));
  for (const file of seams) failures.push(`${file} carries the end-to-end test seam`);

  const manifest = JSON.parse(read('manifest.json'));
  const manifestFindings = manifestProblems(manifest, REVIEWED_MANIFEST);
  failures.push(...manifestFindings);
  lines.push(
    `manifest: ${manifest.permissions?.length ?? 0} permissions, ${manifest.host_permissions?.length ?? 0} host, ${manifest.optional_host_permissions?.length ?? 0} optional host; ${manifestFindings.length ? 'differs from review' : 'as reviewed'}`,
  );

  const pages = files.filter((file) => file.endsWith('.html'));
  const pageFindings = pages.flatMap((file) => pageProblems(file, read(file)));
  failures.push(...pageFindings);
  lines.push(
    `pages: ${pages.length}, ${pageFindings.length ? 'load from outside' : 'load only the package'}`,
  );

  const listeners = readWorkerListeners(WORKER_ENTRY, readProjectFile);
  const missing = Object.keys(REQUIRED_LISTENERS).filter(
    (event) => !listeners.synchronous.includes(event),
  );
  failures.push(...listeners.problems);
  for (const event of missing)
    failures.push(
      `worker does not add its ${event} listener at start (${REQUIRED_LISTENERS[event]})`,
    );
  for (const use of listeners.external)
    failures.push(`background listens outside the extension: ${use}`);
  lines.push(
    `worker: ${listeners.synchronous.length} listeners added at start, ${Object.keys(REQUIRED_LISTENERS).length - missing.length}/${Object.keys(REQUIRED_LISTENERS).length} required; ${listeners.external.length} external`,
  );

  const contentScripts = scripts
    .filter((file) => file.startsWith('content-scripts/'))
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(extensionDir, file))).length }));
  if (contentScripts.length === 0) failures.push('no content script found in content-scripts/');
  failures.push(...overBudget(contentScripts, CONTENT_SCRIPT_BUDGET));
  for (const { file, gzipBytes } of contentScripts)
    lines.push(`${file}: ${kb(gzipBytes)} KB gzip (budget ${kb(CONTENT_SCRIPT_BUDGET)})`);

  const popupFiles = initialLoad(read('popup.html'), read);
  const popupBytes = popupFiles.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(extensionDir, file))).length,
    0,
  );
  failures.push(
    ...overBudget([{ file: 'popup (initial load)', gzipBytes: popupBytes }], POPUP_BUDGET),
  );
  lines.push(
    `popup: ${kb(popupBytes)} KB gzip in ${popupFiles.length} scripts at first load (budget ${kb(POPUP_BUDGET)})`,
  );

  return { lines, failures };
}

function main(args) {
  const dirAt = args.indexOf('--dir');
  const given = dirAt === -1 ? undefined : args[dirAt + 1];
  const outDir = given ?? CHECK_OUT_DIR;
  try {
    if (!given) buildShipped(outDir);
    const extensionDir = existsSync(join(outDir, 'manifest.json'))
      ? outDir
      : join(outDir, 'chrome-mv3');
    const { lines, failures } = checkBundle(extensionDir);
    console.log(`Bundle check: ${extensionDir}`);
    for (const line of lines) console.log(`  ${line}`);
    if (failures.length > 0) {
      console.log(`FAILED (${failures.length}):`);
      for (const failure of failures) console.log(`  - ${failure}`);
      return 1;
    }
    console.log('OK');
    return 0;
  } finally {
    if (!given) rmSync(outDir, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
