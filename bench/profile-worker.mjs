// `node bench/profile-worker.mjs [rounds]`: what the service worker runs on a cold
// start, by source file. Copies the built extension (CLIENTELE_OUT_DIR), starts Chromium
// with a DevTools port on loopback, and each round stops the worker, catches it as it
// starts (paused before its script runs: browser-level auto-attach), samples its CPU
// while the probe page's `due/list` is answered, and stops the profiler at the answer.
// Self time is summed per source file through the build's source map (build with
// CLIENTELE_SOURCEMAP=1 for one; without, per position in the bundle), and printed
// with the functions that took most. Sampling and the attached debugger slow the
// worker: read the shares, not the absolute figures.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXTENSION_DIR, launchWithExtension } from '../scripts/launch-browser.mjs';
import { addProbePage, dueListMessage, workerStopper } from './worker-start.mjs';

// Node 20 has a WebSocket only behind a flag (22, the version package.json asks for, has it).
if (typeof globalThis.WebSocket !== 'function') {
  const again = spawnSync(
    process.execPath,
    ['--experimental-websocket', '--no-warnings', ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(again.status ?? 1);
}

const ROUNDS = Number(process.argv[2] ?? 7);
const SAMPLING_US = 100;

/* global WebSocket -- Node 22, or 20 with the flag above */
/** A DevTools protocol client over the browser's WebSocket, with flat sessions. */
async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let lastId = 0;
  const pending = new Map();
  const listeners = new Set();
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    const waiting = message.id !== undefined && pending.get(message.id);
    if (waiting) {
      pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    } else for (const listener of listeners) listener(message);
  };
  return {
    send(method, params = {}, sessionId = undefined) {
      const id = ++lastId;
      socket.send(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }));
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    on: (listener) => listeners.add(listener),
    close: () => socket.close(),
  };
}

/** The port Chromium chose for `--remote-debugging-port=0`, and its browser endpoint. */
async function devToolsEndpoint(userDataDir) {
  const file = join(userDataDir, 'DevToolsActivePort');
  for (let tries = 0; !existsSync(file); tries++) {
    if (tries > 200) throw new Error('Chromium wrote no DevToolsActivePort');
    await sleep(50);
  }
  const [port, path] = readFileSync(file, 'utf8').split('\n');
  return `ws://127.0.0.1:${port}${path}`;
}

// Source maps: the VLQ "mappings" decoded into, per generated line, sorted
// [column, source] pairs.
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      segments.push([column, source]);
      // Line and column in the source are not needed: only which file.
    }
    lines.push(segments);
  }
  return lines;
}

function sourceLocator(scriptFile) {
  const mapFile = `${scriptFile}.map`;
  if (!existsSync(mapFile)) return (line, column) => `background.js ${line + 1}:${column + 1}`;
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const lines = decodeMappings(map.mappings);
  const root = resolve(dirname(mapFile), map.sourceRoot ?? '');
  const name = (source) =>
    relative(process.cwd(), resolve(root, source)).replace(
      /.*node_modules\/((@[^/]+\/)?[^/]+)\/.*/,
      'node_modules/$1',
    );
  return (line, column) => {
    const segments = lines[line] ?? [];
    let found;
    for (const segment of segments) {
      if (segment[0] > column) break;
      found = segment;
    }
    return found ? name(map.sources[found[1]]) : '(unmapped)';
  };
}

/** Self ms per node id of one CPU profile (sample intervals credited to their node). */
function selfTimes(profile) {
  const self = new Map();
  profile.samples.forEach((node, i) => {
    self.set(node, (self.get(node) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return self;
}

const copy = mkdtempSync(join(tmpdir(), 'clientele-worker-profile-'));
const extensionDir = join(copy, 'chrome-mv3');
cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
addProbePage(extensionDir);
const script = join(extensionDir, 'background.js');
const locate = sourceLocator(script);

const extension = await launchWithExtension({
  extensionDir,
  extraArgs: ['--remote-debugging-port=0'],
});
const cdp = await connect(await devToolsEndpoint(extension.userDataDir));
const page = await extension.context.newPage();
await page.goto(extension.extensionUrl('probe.html'));
const stopper = await workerStopper(extension.context, page);
const message = dueListMessage();
const ask = () => page.evaluate((m) => window.clienteleProbe.ask(m), message);

// Ours is attached once and stays attached across its stops. The profiler is started
// on the running worker before it is stopped: V8's inspector restores a started
// profiler when the session attaches to the restarted worker, before its script runs,
// so the profile taken after the answer covers the whole start.
let session;
cdp.on(async ({ method, params }) => {
  if (method !== 'Target.attachedToTarget') return;
  const { targetInfo } = params;
  if (targetInfo.type === 'service_worker' && targetInfo.url.startsWith(stopper.origin))
    session = params.sessionId;
  if (params.waitingForDebugger)
    await cdp.send('Runtime.runIfWaitingForDebugger', {}, params.sessionId);
});
await cdp.send('Target.setAutoAttach', {
  autoAttach: true,
  waitForDebuggerOnStart: true,
  flatten: true,
  filter: [{ type: 'service_worker', exclude: false }, { exclude: true }],
});
const byFile = new Map();
const byFunction = new Map();
const answers = [];
let total = 0;
for (let round = 0; round < ROUNDS; round++) {
  await ask();
  if (!session) throw new Error('the worker was not attached');
  await cdp.send('Profiler.enable', {}, session);
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US }, session);
  await cdp.send('Profiler.start', {}, session);
  await stopper.stop();
  answers.push((await ask()).ms);
  const { profile } = await cdp.send('Profiler.stop', {}, session);
  // A profile that holds the bundle's top level is one of the whole start.
  if (
    !profile.nodes.some(
      (node) =>
        node.callFrame.url.endsWith('/background.js') &&
        node.callFrame.lineNumber === 0 &&
        node.callFrame.columnNumber <= 30,
    )
  )
    throw new Error('the profile does not cover the start of the script');
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const [id, ms] of selfTimes(profile)) {
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
    if (functionName === '(idle)') continue;
    const file = url.endsWith('/background.js')
      ? locate(lineNumber, columnNumber)
      : functionName.startsWith('(')
        ? functionName
        : url || '(native)';
    const fn = `${functionName || '(anonymous)'} · ${file}`;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    total += ms;
  }
}
cdp.close();
await page.close();
await extension.close();
rmSync(copy, { recursive: true, force: true });

const table = (map, top) =>
  Object.fromEntries(
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => [
        key,
        {
          'ms per start': Number((ms / ROUNDS).toFixed(2)),
          share: `${((ms / total) * 100).toFixed(1)}%`,
        },
      ]),
  );
const sortedAnswers = [...answers].sort((a, b) => a - b);
console.log(
  `Worker CPU from its start to its first answer, ${ROUNDS} cold starts under the profiler ` +
    `(${SAMPLING_US} µs sampling; answer median ${sortedAnswers[ROUNDS >> 1].toFixed(0)} ms with the profiler on), ` +
    `${(total / ROUNDS).toFixed(1)} ms of samples per start:`,
);
console.table(table(byFile, 25));
console.log('The functions that took most (self time):');
console.table(table(byFunction, 30));
