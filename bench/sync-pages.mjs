// Extension pages while a sync round runs (budgets.md: no task over 50 ms there). The
// real extension, set up through its options page against Radicale on loopback, with
// a book of the sync bench's shape; while its first upload runs, the options page
// (on its sync section, which shows the status as it moves) and the popup, opened
// mid-round, time their longest task two ways: Chromium's `longtask` entries (tasks
// over 50 ms, with their length), and a timer probe (how late a 10 ms timeout fires,
// which also counts a machine too loaded to schedule the page). The same pages
// opened with no sync running, for as long, are measured after them, same run: what
// the sync adds is the difference (a loaded machine makes tasks long on its own). Needs a build that may reach 127.0.0.1 without a prompt:
// `CLIENTELE_GRANT_LOCALHOST=1 npx wxt build` (a headless browser cannot click one).
// `node bench/sync-pages.mjs [--parties N]` runs it alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION_DIR, launchWithExtension } from '../scripts/launch-browser.mjs';
import { startDavServer } from '../scripts/dav-servers.mjs';

/* global performance, PerformanceObserver, setTimeout -- probeTasks runs in the page */
/** Runs in each page before its own scripts: collects long tasks and timer lateness. */
function probeTasks() {
  const probe = { longest: 0, tasks: 0, lateness: 0, since: performance.now(), starts: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.startTime < probe.since) continue;
      probe.tasks += 1;
      // When (ms after the page started) each one ran: at open, or later with the status.
      probe.starts.push([Math.round(entry.startTime), Math.round(entry.duration)]);
      probe.longest = Math.max(probe.longest, entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  let expected = performance.now() + 10;
  const tick = () => {
    const now = performance.now();
    probe.lateness = Math.max(probe.lateness, now - expected);
    expected = now + 10;
    setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
  window.__taskProbe = {
    read: () => ({ ...probe }),
    reset() {
      Object.assign(probe, {
        longest: 0,
        tasks: 0,
        lateness: 0,
        since: performance.now(),
        starts: [],
      });
    },
  };
}

async function ask(page, name, request) {
  const reply = await page.evaluate(
    ([messageName, body]) =>
      chrome.runtime.sendMessage({ channel: 'clientele/1', name: messageName, request: body }),
    [name, request],
  );
  if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

/** The sync bench's shape: parties, two interactions each, a follow-up with every fifth. */
async function seed(page, parties) {
  const drafts = Array.from({ length: parties }, (_, n) => ({
    name: `Person ${n}`,
    kind: 'client',
    emails: [`person${n}@example.com`],
  }));
  await ask(page, 'transfer/importChunk', { jobId: 'sync-pages-seed', drafts });
  const { rows } = await ask(page, 'search/rows', {});
  for (const [n, row] of rows.entries())
    for (let i = 0; i < 2; i++)
      await ask(page, 'interactions/log', {
        partyId: row.id,
        type: i ? 'email' : 'call',
        summary: `Talked about order ${n}-${i}`,
        requestId: `sync-pages-${n}-${i}`,
        ...(i === 0 && n % 5 === 0 ? { followUpAt: Date.now() + 86_400_000 } : {}),
      });
}

async function openProbed(ext, path) {
  const page = await ext.context.newPage();
  await page.addInitScript(probeTasks);
  await page.goto(ext.extensionUrl(path));
  await page.waitForLoadState('load');
  return page;
}

const read = (page) => page.evaluate(() => window.__taskProbe.read());
const settle = (page, ms) => page.waitForTimeout(ms);

export async function benchSyncPages({ results, parties = 200 }) {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  if (!(manifest.host_permissions ?? []).includes('http://127.0.0.1/*')) {
    results.syncPages = {
      skipped: 'needs a build made with CLIENTELE_GRANT_LOCALHOST=1 (no prompt to click)',
    };
    return results.syncPages;
  }
  console.log(`Sync pages: Radicale, ${parties} parties, options and popup timed mid-round…`);
  const server = await startDavServer('radicale');
  const ext = await launchWithExtension();
  try {
    const options = await openProbed(ext, 'options.html?tab=sync');
    await options.getByTestId('sync-connect-form').waitFor();
    await seed(options, parties);

    await options.getByTestId('sync-server').fill(`${server.base}/`);
    await options.getByTestId('sync-user').fill(server.user);
    await options.getByTestId('sync-password').fill(server.password);
    await options.getByTestId('sync-connect').click();
    await options.getByTestId('sync-choose-form').waitFor();
    await options.getByTestId('sync-choose').click();
    await options.locator('[data-testid="sync-status"][data-state="syncing"]').waitFor();
    await options.evaluate(() => window.__taskProbe.reset());
    const started = Date.now();
    const popup = await openProbed(ext, 'popup.html');
    let status;
    do {
      await settle(options, 250);
      status = await ask(options, 'sync/status', {});
    } while (status.state === 'syncing' || (status.state === 'pending' && status.pending > 0));
    const during = { options: await read(options), popup: await read(popup) };
    const roundSeconds = (Date.now() - started) / 1000;
    await popup.close();

    // After: the same pages with nothing syncing, for as long (up to a minute), on a
    // machine as loaded: what the round added is the difference.
    await options.evaluate(() => window.__taskProbe.reset());
    const idlePopup = await openProbed(ext, 'popup.html');
    await settle(idlePopup, Math.min(roundSeconds, 60) * 1000);
    const idle = { options: await read(options), popup: await read(idlePopup) };
    return (results.syncPages = {
      parties,
      records: parties * 3 + Math.ceil(parties / 5),
      roundSeconds,
      endedAs: status.state,
      idle,
      during,
    });
  } finally {
    await ext.close();
    await server.stop();
  }
}

const ms = (value) => Math.round(value);

export function printSyncPages(r) {
  if (r.skipped) return console.log(`\nExtension pages during sync: skipped (${r.skipped})`);
  console.log(
    `\nExtension pages during a sync round (${r.records} records up to Radicale, ${r.roundSeconds} s, ended ${r.endedAs}; budget: no task over 50 ms):`,
  );
  const row = (p) => ({
    'longest long task ms': ms(p.longest),
    'tasks over 50 ms': p.tasks,
    'timer lateness ms': ms(p.lateness),
    'long tasks [at ms, length ms]': JSON.stringify(p.starts),
  });
  console.table({
    'options, syncing': row(r.during.options),
    'options, no sync, as long': row(r.idle.options),
    'popup, opened mid-round': row(r.during.popup),
    'popup, opened with no sync, as long': row(r.idle.popup),
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--parties');
  const results = {};
  await benchSyncPages({ results, ...(at >= 0 ? { parties: Number(process.argv[at + 1]) } : {}) });
  printSyncPages(results.syncPages);
}
