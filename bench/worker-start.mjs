// The service worker's cold start to its first answer, beside a floor: an extension
// whose worker does nothing but answer a message, started cold the same way in the
// same browser, rounds alternating between the two. What a machine takes to start any
// worker is in both; "ours − floor" is what our bundle adds. Used by bench/search.mjs
// (over the seeded book) and bench/profile-worker.mjs.
import { generateKeyPairSync, createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { setTimeout as sleep } from 'node:timers/promises';

/** What our pages send first (the popup asks `due/list`), in our envelope. */
export function dueListMessage() {
  const channel = /CHANNEL = '([^']+)'/.exec(readFileSync('lib/protocol/channel.ts', 'utf8'))?.[1];
  if (!channel) throw new Error('lib/protocol/channel.ts no longer declares CHANNEL as read here');
  return { channel, name: 'due/list', request: { limit: 1 } };
}

/** The one script both probe pages run: send a message, time its answer. */
const PROBE_SCRIPT = `window.clienteleProbe = {
  async ask(message) {
    const start = performance.now();
    const reply = await chrome.runtime.sendMessage(message);
    if (!reply || reply.ok !== true) throw new Error('no answer: ' + JSON.stringify(reply));
    return { ms: performance.now() - start, sentAt: performance.timeOrigin + start };
  },
};
`;

/** Adds `probe.html` (the timing page, the same in both extensions) to an extension folder. */
export function addProbePage(dir) {
  writeFileSync(join(dir, 'probe.js'), PROBE_SCRIPT);
  writeFileSync(
    join(dir, 'probe.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Probe</title></head>' +
      '<body><script src="probe.js"></script></body></html>',
  );
}

/** Chromium's id for an extension whose manifest carries `key` (base64 SPKI). */
function extensionIdOf(key) {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** A fresh key for a manifest, and the id Chromium will give the extension that carries it. */
function newKey() {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return { key, id: extensionIdOf(key) };
}

/**
 * A copy of a built extension (`source`, a chrome-mv3 folder) in `dir`, ready to be
 * timed: start marks in its worker, the probe page, and a key in its manifest so that
 * two builds of ours can be loaded side by side and told apart by id.
 */
export function prepareCopy(source, dir) {
  cpSync(source, dir, { recursive: true });
  if (!markWorkerStart(join(dir, 'background.js')))
    console.warn(`No start marks in ${dir}: WXT's call to main() was not found`);
  addProbePage(dir);
  const manifestFile = join(dir, 'manifest.json');
  const { key, id } = newKey();
  writeFileSync(
    manifestFile,
    JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), key }, null, 2),
  );
  return { dir, id };
}

/**
 * Writes the floor extension into `dir`: a worker that answers every message at once
 * with the shape of an empty `due/list`, and the probe page. Its manifest carries a
 * key, so its id is known before the browser starts (a worker that only listens for
 * messages is not started with the browser, so it cannot be found by its worker).
 */
export function writeFloorExtension(dir) {
  mkdirSync(dir, { recursive: true });
  const { key, id } = newKey();
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Cold start floor',
      version: '1.0',
      key,
      background: { service_worker: 'floor-worker.js' },
    }),
  );
  writeFileSync(
    join(dir, 'floor-worker.js'),
    'chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {\n' +
      '  sendResponse({ ok: true, value: { items: [], count: 0, total: 0 } });\n' +
      '  return true;\n' +
      '});\n',
  );
  addProbePage(dir);
  return { dir, id };
}

/**
 * Marks, in a copy's worker script, when its top level starts, when its modules have
 * run (just before WXT calls `main()`) and when `main()` returned, and counts the zod
 * schemas built by then (zod calls its post-processor on every instance it builds), so
 * a cold start can be split into the browser starting the worker, compiling and running
 * the bundle's modules, adding the listeners, and answering. Leaves the script alone if
 * WXT's call to `main()` is not where it is looked for.
 */
export function markWorkerStart(file) {
  const script = readFileSync(file, 'utf8');
  const call = /([\w$]+)=([\w$]+)\.main\(\)/;
  if (!call.test(script)) return false;
  writeFileSync(
    file,
    'self.__clienteleStart={top:performance.now(),schemas:0};' +
      'globalThis.__zod_globalConfig={postProcessor(i){if(i?._zod?.traits?.has("$ZodType"))self.__clienteleStart.schemas++}};' +
      script.replace(
        call,
        (_, result, definition) =>
          `self.__clienteleStart.modules=performance.now(),self.__clienteleStart.schemasAtModules=self.__clienteleStart.schemas,${result}=${definition}.main(),self.__clienteleStart.main=performance.now(),self.__clienteleStart.schemasAtMain=self.__clienteleStart.schemas`,
      ),
  );
  return true;
}

/* global performance -- workerMarks reads them in the worker */
/** The marks `markWorkerStart` left in the running worker, as ms since the page sent. */
async function workerMarks(context, origin, sentAt) {
  const worker = context
    .serviceWorkers()
    .filter((w) => w.url().startsWith(origin))
    .at(-1);
  const marks = await worker?.evaluate(() =>
    globalThis.__clienteleStart
      ? { origin: performance.timeOrigin, ...globalThis.__clienteleStart }
      : undefined,
  );
  if (!marks?.main) return undefined;
  return {
    split: {
      'worker started': marks.origin - sentAt,
      'script loaded and compiled': marks.top,
      'modules evaluated': marks.modules - marks.top,
      'main() (listeners added)': marks.main - marks.modules,
    },
    mainEnds: marks.origin + marks.main - sentAt,
    schemas: { atModules: marks.schemasAtModules, atMain: marks.schemasAtMain },
  };
}

/** Stops the worker of `page`'s extension through the DevTools protocol, as Chrome does after 30 s idle. */
export async function workerStopper(context, page) {
  const session = await context.newCDPSession(page);
  const origin = `chrome-extension://${new URL(page.url()).host}/`;
  const versions = new Map();
  session.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions)
      if (version.scriptURL.startsWith(origin))
        versions.set(version.versionId, version.runningStatus);
  });
  await session.send('ServiceWorker.enable');
  const until = async (done) => {
    const deadline = Date.now() + 10_000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error('the worker did not change state');
      await sleep(5);
    }
  };
  const running = () => [...versions].filter(([, state]) => state === 'running');
  return {
    origin,
    async stop() {
      await until(() => running().length > 0);
      for (const [versionId] of running())
        await session.send('ServiceWorker.stopWorker', { versionId });
      await until(() => running().length === 0);
    },
    detach: () => session.detach(),
  };
}

const sorted = (list) => [...list].sort((a, b) => a - b);
const median = (list) => sorted(list)[Math.floor(list.length / 2)];

/**
 * Cold start to first answer: each round, a worker is stopped, then its page sends one
 * message and times the answer; the browser has to start the worker, run its top level
 * and answer (ours: open the database and read `due/list`). `sides` maps a name
 * (`ours`, `baseline`, `floor`…) to `{ page, ask }`, `ask()` resolving to
 * `{ ms, sentAt }`. Each round times every side, in an order that rotates, so that a
 * load that comes and goes meets all alike; with a `floor`, each side's excess over it
 * is taken per round.
 */
export async function workerColdStarts(context, sides, rounds = 9) {
  const names = Object.keys(sides);
  const state = Object.fromEntries(
    await Promise.all(
      names.map(async (name) => [
        name,
        {
          stopper: await workerStopper(context, sides[name].page),
          cold: [],
          warm: [],
          parts: [],
          schemas: [],
        },
      ]),
    ),
  );
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < names.length; turn++) {
      const name = names[(round + turn) % names.length];
      const side = state[name];
      side.warm.push((await sides[name].ask()).ms);
      await side.stopper.stop();
      const asked = await sides[name].ask();
      side.cold.push(asked.ms);
      const marks = await workerMarks(context, side.stopper.origin, asked.sentAt);
      if (marks) {
        side.parts.push({
          ...marks.split,
          'answer (after main() returned)': asked.ms - marks.mainEnds,
        });
        side.schemas.push(marks.schemas);
      }
    }
  }
  for (const side of Object.values(state)) await side.stopper.detach();
  const floor = state.floor?.cold;
  const summary = (side) => ({
    coldMedianMs: median(side.cold),
    coldWorstMs: sorted(side.cold).at(-1),
    warmMedianMs: median(side.warm),
    coldMs: side.cold,
    ...(floor &&
      side.cold !== floor && {
        // Per round, then the median: the samples of a round met the same load.
        overFloorMedianMs: median(side.cold.map((ms, i) => ms - floor[i])),
        timesFloorMedian: median(side.cold.map((ms, i) => ms / floor[i])),
      }),
    // Each part's median over the cold rounds (they need not add up to the median).
    ...(side.parts.length > 0 && {
      coldPartsMedianMs: Object.fromEntries(
        Object.keys(side.parts[0]).map((part) => [part, median(side.parts.map((p) => p[part]))]),
      ),
      schemasBuiltAtStart: {
        modulesEvaluated: Math.max(...side.schemas.map((s) => s.atModules)),
        mainReturned: Math.max(...side.schemas.map((s) => s.atMain)),
      },
    }),
  });
  const { ours, ...others } = state;
  return {
    rounds,
    ...summary(ours),
    ...Object.fromEntries(Object.entries(others).map(([name, side]) => [name, summary(side)])),
  };
}

/** The built extension in `dir`: a chrome-mv3 folder, or a checkout with one in `.output`. */
function builtIn(dir) {
  const found = [dir, join(dir, '.output', 'chrome-mv3')].find((d) =>
    existsSync(join(d, 'manifest.json')),
  );
  if (!found) throw new Error(`No built extension in ${dir}`);
  return found;
}

/**
 * `node bench/worker-start.mjs [rounds]`: the cold start alone, on a fresh profile (an
 * empty book), ours beside the floor, and beside another build of ours when
 * `BASELINE=<checkout or chrome-mv3 folder>` names one, all in one browser, the order
 * rotating each round. Builds nothing: run `npx wxt build` first (into CLIENTELE_OUT_DIR).
 */
async function main() {
  const rounds = Number(process.argv[2] ?? 15);
  const { EXTENSION_DIR, launchWithExtension } = await import('../scripts/launch-browser.mjs');
  const work = mkdtempSync(join(tmpdir(), 'clientele-worker-start-'));
  const ours = prepareCopy(EXTENSION_DIR, join(work, 'ours'));
  const baseline = process.env.BASELINE
    ? prepareCopy(builtIn(process.env.BASELINE), join(work, 'baseline'))
    : undefined;
  const floor = writeFloorExtension(join(work, 'floor'));
  const extension = await launchWithExtension({
    extensionDir: ours.dir,
    alsoLoad: [...(baseline ? [baseline.dir] : []), floor.dir],
  });
  const message = dueListMessage();
  const sides = {};
  try {
    for (const [name, side] of Object.entries({ ours, baseline, floor })) {
      if (!side) continue;
      const page = await extension.context.newPage();
      await page.goto(`chrome-extension://${side.id}/probe.html`);
      sides[name] = {
        page,
        ask: () => page.evaluate((m) => window.clienteleProbe.ask(m), message),
      };
    }
    const result = await workerColdStarts(extension.context, sides, rounds);
    const round = (value) => (typeof value === 'number' ? Number(value.toFixed(1)) : value);
    const row = (side) => ({
      'cold median ms': round(side.coldMedianMs),
      'cold worst ms': round(side.coldWorstMs),
      'running ms': round(side.warmMedianMs),
      '− floor ms': round(side.overFloorMedianMs),
      '÷ floor':
        side.timesFloorMedian === undefined ? undefined : Number(side.timesFloorMedian.toFixed(2)),
      ...Object.fromEntries(
        Object.entries(side.coldPartsMedianMs ?? {}).map(([part, ms]) => [part, round(ms)]),
      ),
      'schemas built at start': side.schemasBuiltAtStart?.mainReturned,
    });
    const { rounds: _, floor: floorSide, baseline: baselineSide, ...oursSide } = result;
    console.log(
      `Service worker stopped → first answer (due/list, empty book), ${rounds} rounds, ` +
        'medians; "− floor" and "÷ floor" are per round (budget ≤ 100 ms):',
    );
    console.table({
      ours: row(oursSide),
      ...(baselineSide && { baseline: row(baselineSide) }),
      floor: row(floorSide),
    });
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/worker-start.json', `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await extension.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
