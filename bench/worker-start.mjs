// The service worker's cold start to its first answer, beside a floor: an extension
// whose worker does nothing but answer a message, started cold the same way in the
// same browser, rounds alternating between the two. What a machine takes to start any
// worker is in both; "ours − floor" is what our bundle adds. Used by bench/search.mjs
// (over the seeded book) and bench/profile-worker.mjs.
import { generateKeyPairSync, createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * Writes the floor extension into `dir`: a worker that answers every message at once
 * with the shape of an empty `due/list`, and the probe page. Its manifest carries a
 * key, so its id is known before the browser starts (a worker that only listens for
 * messages is not started with the browser, so it cannot be found by its worker).
 */
export function writeFloorExtension(dir) {
  mkdirSync(dir, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
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
  return { dir, id: extensionIdOf(key) };
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
 * Cold start to first answer: each round, the worker is stopped, then its page sends
 * one message and times the answer; the browser has to start the worker, run its top
 * level and answer (ours: open the database and read `due/list`). `ours` and `floor`
 * are `{ page, ask }`, `ask()` resolving to `{ ms, sentAt }`; each round times both,
 * the order alternating, so that a load that comes and goes meets both alike.
 */
export async function workerColdStarts(context, { ours, floor }, rounds = 9) {
  const sides = { ours, ...(floor && { floor }) };
  for (const side of Object.values(sides)) {
    side.stopper = await workerStopper(context, side.page);
    side.cold = [];
    side.warm = [];
  }
  const parts = [];
  const schemas = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ['ours', 'floor'] : ['floor', 'ours'];
    for (const name of order.filter((n) => sides[n])) {
      const side = sides[name];
      side.warm.push((await side.ask()).ms);
      await side.stopper.stop();
      const asked = await side.ask();
      side.cold.push(asked.ms);
      if (name !== 'ours') continue;
      const marks = await workerMarks(context, side.stopper.origin, asked.sentAt);
      if (marks) {
        parts.push({ ...marks.split, 'answer (after main() returned)': asked.ms - marks.mainEnds });
        schemas.push(marks.schemas);
      }
    }
  }
  for (const side of Object.values(sides)) await side.stopper.detach();
  const summary = (side) => ({
    coldMedianMs: median(side.cold),
    coldWorstMs: sorted(side.cold).at(-1),
    warmMedianMs: median(side.warm),
    coldMs: side.cold,
  });
  return {
    rounds,
    ...summary(ours),
    ...(floor && {
      floor: summary(floor),
      // Per round, then the median: the two samples of a round met the same load.
      overFloorMedianMs: median(ours.cold.map((ms, i) => ms - floor.cold[i])),
      timesFloorMedian: median(ours.cold.map((ms, i) => ms / floor.cold[i])),
    }),
    // Each part's median over the cold rounds (they need not add up to the median).
    ...(parts.length > 0 && {
      coldPartsMedianMs: Object.fromEntries(
        Object.keys(parts[0]).map((part) => [part, median(parts.map((p) => p[part]))]),
      ),
      schemasBuiltAtStart: {
        modulesEvaluated: Math.max(...schemas.map((s) => s.atModules)),
        mainReturned: Math.max(...schemas.map((s) => s.atMain)),
      },
    }),
  };
}
