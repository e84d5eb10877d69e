// `node bench/detect-cpu.mjs [elements…] [--profile]`: detection's cost on the
// generated pages (default 60,000 elements) in CPU time, which a loaded machine does
// not inflate as it does the wall clock. Reads the renderer main thread's CPU time
// (CDP `Performance.getMetrics`, `ThreadTime`) around each call of a task, in rounds
// that rotate the tasks' order, and reports each task's median CPU time per run and
// its median per-round ratio to the floor (a bare TreeWalker pass). Then the first
// scan, cold: each on a fresh page, the page built and its garbage collected first,
// so that what is timed is what a first visit meets. With `--profile`, where the cold
// scan and a warm one spend their time (CDP sampling profiler, self time by function).
// With `BASELINE=<dir>` (a checkout of another version: its lib/ and bench/), that
// version's scan is measured beside this one's, on the same pages, in the same rounds.
// The cold figures take the floor's first pass apart from the scan's, the second and
// third scans of the same page (code compiled, optimised code on its way), and the
// first scan of a 300-element page apart from the document (what compiling the code
// and patterns costs) followed by the big page's. With `WARM=0`, the cold figures
// alone (`COLD` fresh pages of each kind, default 3).
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { serveFolder } from '../scripts/static-server.mjs';
import { launchBenchBrowser } from './standalone.mjs';

const args = process.argv.slice(2);
const sizes = args.map(Number).filter(Boolean);
const profiling = args.includes('--profile');
const ROUNDS = Number(process.env.ROUNDS ?? 9);
const COLD_PAGES = Number(process.env.COLD ?? 3);
const WARM = process.env.WARM !== '0';
/** A sample repeats its task until it has used at least this much CPU. */
const MIN_SAMPLE_CPU_MS = 40;
const BASELINE = process.env.BASELINE;
const TASKS = [
  'floor',
  'detect',
  'withPhones',
  ...(BASELINE ? ['detect (baseline)', 'withPhones (baseline)'] : []),
];

await build({
  entryPoints: ['bench/detect-bench.ts'],
  bundle: true,
  // Readable names in the profile.
  minify: false,
  format: 'iife',
  outfile: 'bench/.build/detect-cpu.js',
  logLevel: 'error',
});

if (BASELINE) {
  await build({
    entryPoints: [`${BASELINE}/bench/detect-bench.ts`],
    bundle: true,
    minify: false,
    format: 'iife',
    outfile: 'bench/.build/detect-cpu-baseline.js',
    logLevel: 'error',
  });
  // Its own global, beside this version's.
  const file = 'bench/.build/detect-cpu-baseline.js';
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replaceAll('window.clienteleBench', 'window.clienteleBaseline'),
  );
}

const site = await serveFolder('.');
const browser = await launchBenchBrowser();
const url = `${site.base}/bench/index.html`;

async function openPage(elements) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.addScriptTag({ path: 'bench/.build/detect-cpu.js' });
  if (BASELINE) await page.addScriptTag({ path: 'bench/.build/detect-cpu-baseline.js' });
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  const count = await page.evaluate((n) => window.clienteleBench.cpu.prepare(n), elements);
  await session.send('HeapProfiler.collectGarbage');
  return { page, session, count };
}

async function threadMs(session) {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'ThreadTime').value * 1000;
}

/** CPU and wall milliseconds of `count` runs of `task`, and of one call doing nothing. */
async function sample({ page, session }, task, count) {
  const before = await threadMs(session);
  const [name, version] = task.split(' ');
  const wall = await page.evaluate(
    ([t, n, base]) => (base ? window.clienteleBaseline : window.clienteleBench).cpu.run(t, n),
    [name, count, version === '(baseline)'],
  );
  return { cpu: (await threadMs(session)) - before, wall };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 2) => Number(value.toFixed(digits));

/** Self time by function in a CDP profile, the `top` largest, in milliseconds. */
function selfTimes(profile, top = 18) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, lineNumber } = byId.get(id).callFrame;
    const name = `${functionName || '(anonymous)'}:${lineNumber + 1}`;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    self.set(name, (self.get(name) ?? 0) + ms);
  });
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return Object.fromEntries(
    rows.map(([name, ms]) => [name, { ms: round(ms, 1), share: round(ms / total, 3) }]),
  );
}

async function profiled(session, work) {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await work();
  const { profile } = await session.send('Profiler.stop');
  return selfTimes(profile);
}

/** Warm: one page, each task calibrated, then sampled in rotating rounds. */
async function warmFigures(elements) {
  const opened = await openPage(elements);
  const idle = [];
  for (let i = 0; i < 5; i++) idle.push((await sample(opened, 'floor', 0)).cpu);
  const overhead = median(idle);
  const repeats = {};
  for (const task of TASKS) {
    repeats[task] = 1;
    await sample(opened, task, 3); // warm up
    while ((await sample(opened, task, repeats[task])).cpu - overhead < MIN_SAMPLE_CPU_MS)
      repeats[task] *= 2;
  }
  const cpu = Object.fromEntries(TASKS.map((task) => [task, []]));
  const wall = Object.fromEntries(TASKS.map((task) => [task, []]));
  const ratios = Object.fromEntries(TASKS.map((task) => [task, []]));
  for (let r = 0; r < ROUNDS; r++) {
    const taken = {};
    for (let i = 0; i < TASKS.length; i++) {
      const task = TASKS[(r + i) % TASKS.length];
      const { cpu: used, wall: spent } = await sample(opened, task, repeats[task]);
      taken[task] = (used - overhead) / repeats[task];
      cpu[task].push(taken[task]);
      wall[task].push(spent / repeats[task]);
    }
    for (const task of TASKS) ratios[task].push(taken[task] / taken.floor);
  }
  if (profiling) {
    const table = await profiled(opened.session, () => sample(opened, 'detect', repeats.detect));
    console.log(`\nWarm scan, ${elements} elements: self time by function`);
    console.table(table);
  }
  const slices = await opened.page.evaluate(() => window.clienteleBench.cpu.slices());
  await opened.page.close();

  console.log(
    `\n${opened.count} elements; CPU ms per run (median of ${ROUNDS} rotating rounds) and ` +
      `median per-round ratio to the floor; wall ms beside it`,
  );
  console.table(
    Object.fromEntries(
      TASKS.map((task) => [
        task,
        {
          'CPU ms': round(median(cpu[task])),
          '÷ floor (CPU)': round(median(ratios[task])),
          'wall ms': round(median(wall[task])),
          repeats: repeats[task],
        },
      ]),
    ),
  );
  console.log(
    `Sliced scan: ${slices.slices} slices, longest ${round(slices.longestMs, 1)} ms (wall, timed directly)`,
  );
}

for (const elements of sizes.length > 0 ? sizes : [60000]) {
  // Cold: a fresh page each time; the task's first call on it. Then, on other fresh
  // pages, the floor first and the scan after it: the floor's first pass pays for what
  // any first read of a page pays (the text nodes' wrappers), the scan after it for its
  // own code and patterns.
  const cold = [];
  const coldBaseline = [];
  const coldFloor = [];
  const afterFloor = [];
  const secondScan = [];
  const thirdScan = [];
  const small = [];
  const afterSmall = [];
  const elementsCold = [];
  const textCold = [];
  const elementsWarm = [];
  const textWarm = [];
  for (let i = 0; i < COLD_PAGES; i++) {
    const opened = await openPage(elements);
    if (profiling && i === 0) {
      let taken;
      const table = await profiled(opened.session, async () => {
        taken = await sample(opened, 'detect', 1);
      });
      console.log(`\nCold scan, ${elements} elements: self time by function`);
      console.table(table);
      cold.push(taken);
    } else cold.push(await sample(opened, 'detect', 1));
    await opened.page.close();
    if (BASELINE) {
      const base = await openPage(elements);
      coldBaseline.push(await sample(base, 'detect (baseline)', 1));
      await base.page.close();
    }
    const second = await openPage(elements);
    coldFloor.push(await sample(second, 'floor', 1));
    afterFloor.push(await sample(second, 'detect', 1));
    secondScan.push(await sample(second, 'detect', 1));
    thirdScan.push(await sample(second, 'detect', 1));
    await second.page.close();
    // The scan's code and patterns compiled on a small page first, then the big one.
    const primed = await openPage(elements);
    small.push(await sample(primed, 'detectSmall', 1));
    afterSmall.push(await sample(primed, 'detect', 1));
    await primed.page.close();
    // The scan in its parts, each first on a page whose floor was read first.
    const parts = await openPage(elements);
    await sample(parts, 'floor', 1);
    elementsCold.push(await sample(parts, 'elements', 1));
    textCold.push(await sample(parts, 'text', 1));
    elementsWarm.push(await sample(parts, 'elements', 1));
    textWarm.push(await sample(parts, 'text', 1));
    await parts.page.close();
  }

  if (WARM) await warmFigures(elements);
  const coldLine = (label, runs) =>
    console.log(
      `${label}: CPU ms ${runs.map((c) => round(c.cpu, 0)).join(', ')} (median ` +
        `${round(median(runs.map((c) => c.cpu)), 0)}); wall ms ` +
        `${runs.map((c) => round(c.wall, 0)).join(', ')} (median ${round(median(runs.map((c) => c.wall)), 0)})`,
    );
  coldLine(`First scan, cold (${COLD_PAGES} fresh pages)`, cold);
  if (BASELINE) coldLine('First scan, cold, baseline', coldBaseline);
  coldLine('Floor, cold (other fresh pages)', coldFloor);
  coldLine('Scan right after the cold floor', afterFloor);
  coldLine('Second scan of that page', secondScan);
  coldLine('Third scan of that page', thirdScan);
  coldLine('First scan of a 300-element page apart (other fresh pages)', small);
  coldLine('The big page after it', afterSmall);
  coldLine('Element readers, first (after the cold floor)', elementsCold);
  coldLine('Text pass, first (after them)', textCold);
  coldLine('Element readers, second', elementsWarm);
  coldLine('Text pass, second', textWarm);
}
await browser.close();
await site.close();
