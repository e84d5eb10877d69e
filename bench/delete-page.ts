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

type Phase = 'rawDelete' | 'rawPut' | `${'delete' | 'undo'}:${SyncMode}`;

export async function measure(workerUrl: string, count: number, rounds = 3) {
  const ask = connect(workerUrl);
  const samples: Record<Phase, number[]> = {
    rawDelete: [],
    rawPut: [],
    'delete:off': [],
    'undo:off': [],
    'delete:on': [],
    'undo:on': [],
  };
  const pageGaps: Record<Phase, number> = {
    rawDelete: 0,
    rawPut: 0,
    'delete:off': 0,
    'undo:off': 0,
    'delete:on': 0,
    'undo:on': 0,
  };
  const timed = async (phase: Phase, step: Step) => {
    const slices = new LongestSlice();
    slices.start();
    samples[phase].push(await ask(step));
    pageGaps[phase] = Math.max(pageGaps[phase], slices.stop());
  };
  for (let round = 0; round < rounds; round++) {
    await ask({ step: 'prepare', count, round });
    await timed('rawDelete', { step: 'rawDelete' });
    await timed('rawPut', { step: 'rawPut' });
    for (const sync of ['off', 'on'] as const) {
      await timed(`delete:${sync}`, { step: 'oursDelete', sync });
      await timed(`undo:${sync}`, { step: 'oursUndo', sync });
    }
    await ask({ step: 'finish' });
  }
  const m = (phase: Phase) => median(samples[phase]);
  const ratios = (sync: SyncMode) => ({
    deleteVsRaw: m('rawDelete') / m(`delete:${sync}`),
    undoVsRaw: m('rawPut') / m(`undo:${sync}`),
    deleteMs: m(`delete:${sync}`),
    undoMs: m(`undo:${sync}`),
    pageLongestDeleteMs: pageGaps[`delete:${sync}`],
    pageLongestUndoMs: pageGaps[`undo:${sync}`],
  });
  return {
    parties: count,
    records: count * 2,
    rounds,
    rawDeleteMs: m('rawDelete'),
    rawPutMs: m('rawPut'),
    pageLongestRawMs: Math.max(pageGaps.rawDelete, pageGaps.rawPut),
    syncOff: ratios('off'),
    syncOn: ratios('on'),
    samplesMs: samples,
  };
}

declare global {
  interface Window {
    clienteleDeleteBench: { measure: typeof measure };
  }
}
window.clienteleDeleteBench = { measure };
