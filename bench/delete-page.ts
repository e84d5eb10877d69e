// Runs in a headless Chromium page: the page-side half of the delete benchmark. As
// the popup or options page does, it only asks; the work runs in a worker
// (delete-bench.ts, the background's stand-in). Each step is timed where it runs;
// the page times its own longest task meanwhile (longest-slice.ts), during our
// delete and undo and, as the machine's floor, during raw IndexedDB's.
import type { Step, SyncMode } from './delete-bench';
import { LongestSlice } from './longest-slice';

type Ask = (step: Step) => Promise<number>;

function connect(workerUrl: string): Ask {
  const worker = new Worker(workerUrl);
  const waiting = new Map<number, { resolve: (ms: number) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<{ id: number; ms?: number; error?: string }>) => {
    const { id, ms, error } = event.data;
    const asked = waiting.get(id)!;
    waiting.delete(id);
    if (error === undefined) asked.resolve(ms!);
    else asked.reject(new Error(error));
  };
  return (step) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...step, id });
    });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Phase = 'rawDelete' | 'rawPut' | `${'delete' | 'undo'}:${SyncMode}${'' | ':baseline'}`;
type Version = 'ours' | 'baseline';

/**
 * `baselineUrl`: the same worker built over another version's lib (BASELINE=), timed
 * in the same rounds. Each round runs the versions and sync modes in a rotated order,
 * so none always runs first, or after the others have churned the origin's storage.
 */
export async function measure(workerUrl: string, count: number, rounds = 3, baselineUrl?: string) {
  const workers: Partial<Record<Version, Ask>> = { ours: connect(workerUrl) };
  if (baselineUrl) workers.baseline = connect(baselineUrl);
  const samples: Partial<Record<Phase, number[]>> = {};
  const pageGaps: Partial<Record<Phase, number>> = {};
  const timed = async (phase: Phase, ask: Ask, step: Step) => {
    const slices = new LongestSlice();
    slices.start();
    (samples[phase] ??= []).push(await ask(step));
    pageGaps[phase] = Math.max(pageGaps[phase] ?? 0, slices.stop());
  };
  const runs = (Object.keys(workers) as Version[]).flatMap((version) =>
    (['off', 'on'] as const).map((sync) => ({ version, sync })),
  );
  for (let round = 0; round < rounds; round++) {
    for (const [version, ask] of Object.entries(workers))
      await ask({ step: 'prepare', count, round, prefix: `${version}-` });
    await timed('rawDelete', workers.ours!, { step: 'rawDelete' });
    await timed('rawPut', workers.ours!, { step: 'rawPut' });
    for (let i = 0; i < runs.length; i++) {
      const { version, sync } = runs[(i + round) % runs.length]!;
      const suffix = version === 'baseline' ? ':baseline' : '';
      const ask = workers[version]!;
      await timed(`delete:${sync}${suffix}`, ask, { step: 'oursDelete', sync });
      await timed(`undo:${sync}${suffix}`, ask, { step: 'oursUndo', sync });
    }
    for (const ask of Object.values(workers)) await ask({ step: 'finish' });
  }
  const m = (phase: Phase) => median(samples[phase]!);
  const ratios = (sync: SyncMode, suffix: '' | ':baseline' = '') => ({
    deleteVsRaw: m('rawDelete') / m(`delete:${sync}${suffix}`),
    undoVsRaw: m('rawPut') / m(`undo:${sync}${suffix}`),
    deleteMs: m(`delete:${sync}${suffix}`),
    undoMs: m(`undo:${sync}${suffix}`),
    pageLongestDeleteMs: pageGaps[`delete:${sync}${suffix}`]!,
    pageLongestUndoMs: pageGaps[`undo:${sync}${suffix}`]!,
  });
  return {
    parties: count,
    records: count * 2,
    rounds,
    rawDeleteMs: m('rawDelete'),
    rawPutMs: m('rawPut'),
    pageLongestRawMs: Math.max(pageGaps.rawDelete!, pageGaps.rawPut!),
    syncOff: ratios('off'),
    syncOn: ratios('on'),
    ...(baselineUrl
      ? { baseline: { syncOff: ratios('off', ':baseline'), syncOn: ratios('on', ':baseline') } }
      : {}),
    samplesMs: samples,
  };
}

declare global {
  interface Window {
    clienteleDeleteBench: { measure: typeof measure };
  }
}
window.clienteleDeleteBench = { measure };
