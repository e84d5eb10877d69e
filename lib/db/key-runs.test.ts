import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyRuns } from './key-runs';

describe('runs of neighbouring keys to remove', () => {
  it('groups neighbours going together and splits at every key that stays', () => {
    const { runs, unlisted } = keyRuns(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      new Set(['a', 'b', 'd', 'f']),
    );
    expect(runs).toEqual([
      { first: 'a', last: 'b', keys: ['a', 'b'] },
      { first: 'd', last: 'd', keys: ['d'] },
      { first: 'f', last: 'f', keys: ['f'] },
    ]);
    expect(unlisted).toEqual([]);
  });

  it('a whole store is one run; keys the store does not hold are handed back', () => {
    const { runs, unlisted } = keyRuns(['a', 'b', 'c'], new Set(['c', 'a', 'b', 'x']));
    expect(runs).toEqual([{ first: 'a', last: 'c', keys: ['a', 'b', 'c'] }]);
    expect(unlisted).toEqual(['x']);
  });

  it('removes exactly the keys asked: no key that stays lies within a run', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 40 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 4 }),
        (keys, going, strangers) => {
          const storeKeys = [...keys].sort();
          const removing = new Set(storeKeys.filter((_, i) => going[i]));
          for (const stranger of strangers) if (!keys.includes(stranger)) removing.add(stranger);
          const { runs, unlisted } = keyRuns(storeKeys, removing);
          const covered = storeKeys.filter((key) =>
            runs.some((run) => key >= run.first && key <= run.last),
          );
          expect(covered).toEqual(storeKeys.filter((key) => removing.has(key)));
          expect(runs.flatMap((run) => run.keys)).toEqual(covered);
          expect(new Set([...covered, ...unlisted])).toEqual(removing);
        },
      ),
    );
  });
});
