import { describe, expect, it, vi } from 'vitest';
import { DraftChecks, type DraftsMessage, type Settle } from './draft-checks';
import type { DraftsFromRows } from './csv-rows';
import { nextTurn } from './page-turns';

const chunk = (lines: number[], last: boolean): DraftsMessage => ({
  type: 'drafts',
  request: 1,
  rows: lines.map((line) => ({
    line,
    value: line % 5 === 0 ? { name: '', kind: 'client' } : { name: `P ${line}`, kind: 'client' },
  })),
  problems: [],
  last,
});

function settled(current: () => boolean = () => true) {
  let finish: (value: DraftsFromRows) => void = () => undefined;
  const done = new Promise<DraftsFromRows>((resolve) => (finish = resolve));
  const settle: Settle<DraftsFromRows> = {
    resolve: vi.fn((value: DraftsFromRows) => finish(value)),
    reject: vi.fn(),
    current: vi.fn(current),
  };
  return { settle, done };
}

/** Turns the test lets go one at a time. */
function heldTurns() {
  const waiting: (() => void)[] = [];
  return {
    turns: { turnMs: 0, next: () => new Promise<void>((resolve) => waiting.push(resolve)) },
    waiting,
    release: async () => {
      waiting.shift()?.();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    },
  };
}

describe('checking drafts in turns', () => {
  it('gives the same answer in many short turns as in one, rows in order, chunks queued as they come', async () => {
    const all = Array.from({ length: 30 }, (_, i) => i + 1);
    const answer = async (turnMs: number) => {
      const { settle, done } = settled();
      const checks = new DraftChecks(settle, { turnMs, next: nextTurn });
      checks.add(chunk(all.slice(0, 10), false));
      checks.add(chunk(all.slice(10, 20), false));
      checks.add(chunk(all.slice(20), true));
      return done;
    };
    const inTurns = await answer(0);
    expect(inTurns).toEqual(await answer(Infinity));
    expect(inTurns.drafts.map((row) => row.line)).toEqual(all.filter((line) => line % 5 !== 0));
    expect(inTurns.problems.map((p) => [p.line, p.severity])).toEqual(
      [5, 10, 15, 20, 25, 30].map((line) => [line, 'error']),
    );
  });

  it('hands the page back when a turn is spent, and goes on from there', async () => {
    const whole = settled();
    new DraftChecks(whole.settle, { turnMs: Infinity, next: nextTurn }).add(chunk([1, 2], true));
    expect(whole.settle.resolve).toHaveBeenCalledTimes(1); // one turn was enough

    const held = heldTurns();
    const cut = settled();
    new DraftChecks(cut.settle, held.turns).add(chunk([1, 2], true));
    expect(held.waiting).toHaveLength(1); // gave the thread back before the first row
    await held.release();
    expect(held.waiting).toHaveLength(1); // and again before the second
    expect(cut.settle.resolve).not.toHaveBeenCalled();
    await held.release();
    expect((await cut.done).drafts.map((row) => row.line)).toEqual([1, 2]);
  });

  it('stops between turns once a newer request or stop has replaced it', async () => {
    const held = heldTurns();
    let replaced = false;
    const { settle } = settled(() => !replaced);
    new DraftChecks(settle, held.turns).add(chunk([1, 2, 3], true));
    await held.release();
    replaced = true;
    while (held.waiting.length) await held.release();
    expect(settle.resolve).not.toHaveBeenCalled();
    expect(settle.reject).not.toHaveBeenCalled();
    expect(held.waiting).toHaveLength(0);
  });
});
