// `node bench/profile-delete.mjs`: where the bulk delete and its undo spend their time.
// The delete bench's steps (5,000 parties and their interactions, sync off and on)
// run on a headless Chromium page under the CDP `Profiler`, after raw IndexedDB's
// delete and put of the same keys. Each step prints its wall time, then the functions
// with the most self time and the inclusive time of the repository's own steps.
// `ROUNDS` (default 2): the first round warms up; the last is printed.
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { serveFolder } from '../scripts/static-server.mjs';
import { launchBenchBrowser } from './standalone.mjs';

const COUNT = Number(process.env.COUNT ?? 5000);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const TOP = 18;
/** Steps of our path whose inclusive time is printed (names kept by the build). */
const STEPS = [
  'readPartyRecords',
  'unlinkMembers',
  'unprojectParties',
  'projectParties',
  'removeRecords',
  'findClash',
  'removeTombstones',
  'touchLastContact',
  'newEntry',
  'parse',
  'note',
  'flush',
];

await build({
  entryPoints: ['bench/profile-delete.ts'],
  bundle: true,
  keepNames: true,
  format: 'iife',
  outfile: 'bench/.build/profile-delete.js',
  logLevel: 'error',
});

/** Self and inclusive milliseconds by function name, from a CDP profile. */
function digest(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const hit = new Map();
  profile.samples.forEach((id, i) =>
    hit.set(id, (hit.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  for (const [id, us] of hit) {
    const frame = byId.get(id).callFrame;
    const name = frame.functionName || `(anonymous):${frame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + us);
    if (name !== '(idle)') total += us;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const fn = byId.get(at).callFrame.functionName;
      if (STEPS.includes(fn) && !seen.has(fn)) {
        seen.add(fn);
        inclusive.set(fn, (inclusive.get(fn) ?? 0) + us);
      }
    }
  }
  const ms = (us) => Math.round(us / 1000);
  return {
    busyMs: ms(total),
    self: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, us]) => `${String(ms(us)).padStart(6)} ms  ${name}`),
    inclusive: Object.fromEntries([...inclusive].map(([name, us]) => [name, ms(us)])),
  };
}

const site = await serveFolder('.');
const browser = await launchBenchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${site.base}/tests/fixtures/site/empty.html`);
  await page.addScriptTag({ path: 'bench/.build/profile-delete.js' });
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  const step = (s) => page.evaluate((st) => window.clienteleDeleteProfile.run(st), s);
  for (let round = 0; round < ROUNDS; round++) {
    await step({ step: 'prepare', count: COUNT, round, prefix: 'profile-' });
    const steps = [
      ['raw delete', { step: 'rawDelete' }],
      ['raw put', { step: 'rawPut' }],
      ...['off', 'on'].flatMap((sync) => [
        [`ours, sync ${sync}: delete`, { step: 'oursDelete', sync }],
        [`ours, sync ${sync}: undo`, { step: 'oursUndo', sync }],
      ]),
    ];
    for (const [name, s] of steps) {
      await session.send('Profiler.start');
      const start = performance.now();
      await step(s);
      const wallMs = Math.round(performance.now() - start);
      const { profile } = await session.send('Profiler.stop');
      if (round < ROUNDS - 1) continue;
      const d = digest(profile);
      console.log(`\n${name}: ${wallMs} ms wall, ${d.busyMs} ms busy on the page's thread`);
      if (Object.keys(d.inclusive).length > 0)
        console.log('  inclusive:', JSON.stringify(d.inclusive));
      for (const line of d.self) console.log(`  ${line}`);
    }
    await step({ step: 'finish' });
  }
} finally {
  await browser.close();
  await site.close();
}
