// `node bench/profile-detect.mjs [elements…]`: times each detector and the merge
// separately in headless Chromium on the generated pages (default 15,000 and
// 60,000 elements) and the webmail fixtures, and prints digests of what was found,
// so a speed change can be checked to find exactly the same contacts.
//
// Times are the renderer main thread's CPU time (CDP `Performance.getMetrics`,
// `ThreadTime`), as bench/detect-cpu.mjs reads them: a loaded machine does not inflate
// them as it does the wall clock. Each task is warmed up, then sampled in rounds
// that rotate the tasks' order; a sample repeats its task until it has used at least
// 20 ms of CPU. Reported: each task's median CPU ms per run, and its median
// per-round ratio to the floor (a bare TreeWalker pass). `ROUNDS` (default 9).
import { build } from 'esbuild';
import { serveFolder } from '../scripts/static-server.mjs';
import { launchBenchBrowser } from './standalone.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const ROUNDS = Number(process.env.ROUNDS ?? 9);
const MIN_SAMPLE_CPU_MS = 20;
const FLOOR = 'floor (TreeWalker)';

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
const browser = await launchBenchBrowser();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 2) => Number(value.toFixed(digits));

async function profileOn(url, elements) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.addScriptTag({ path: 'bench/.build/profile.js' });
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadMs = async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'ThreadTime').value * 1000;
  };
  /** CPU milliseconds of `count` runs of `task`. */
  const sample = async (task, count) => {
    const before = await threadMs();
    await page.evaluate(([t, n]) => window.clienteleProfile.run(t, n), [task, count]);
    return (await threadMs()) - before;
  };
  const result = await page.evaluate(
    (n) => window.clienteleProfile.prepare(n ?? undefined),
    elements ?? null,
  );
  const idle = [];
  for (let i = 0; i < 5; i++) idle.push(await sample(FLOOR, 0));
  const overhead = median(idle);
  const repeats = {};
  for (const task of result.tasks) {
    repeats[task] = 1;
    await sample(task, 3); // warm up
    while ((await sample(task, repeats[task])) - overhead < MIN_SAMPLE_CPU_MS) repeats[task] *= 2;
  }
  const cpu = Object.fromEntries(result.tasks.map((task) => [task, []]));
  const ratios = Object.fromEntries(result.tasks.map((task) => [task, []]));
  for (let r = 0; r < ROUNDS; r++) {
    const taken = {};
    for (let i = 0; i < result.tasks.length; i++) {
      const task = result.tasks[(r + i) % result.tasks.length];
      taken[task] = ((await sample(task, repeats[task])) - overhead) / repeats[task];
      cpu[task].push(taken[task]);
    }
    for (const task of result.tasks) ratios[task].push(taken[task] / taken[FLOOR]);
  }
  await page.close();
  return {
    ...result,
    rows: Object.fromEntries(
      result.tasks.map((task) => [
        task,
        { 'CPU ms': round(median(cpu[task]), 3), '÷ floor (CPU)': round(median(ratios[task])) },
      ]),
    ),
  };
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
  console.log(
    `\n${name}: ${result.elements} elements, ${result.findings} findings (${result.findingsDigest}), ` +
      `${result.contacts} contacts (${result.contactsDigest}); CPU ms per run, median of ${ROUNDS} rounds`,
  );
  console.table(result.rows);
}
await browser.close();
await site.close();
