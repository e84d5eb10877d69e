/*
 * Deleting many records costs IndexedDB about one unit per request, whatever the
 * request removes: in Chromium, one range delete over 10,000 neighbouring keys takes
 * about a fifth of the time of 10,000 single deletes (bench/delete.mjs). A store read
 * whole gives every key it holds, in key order, so the records going can be grouped
 * into runs of neighbours with nothing in between that stays, and each run removed
 * by one range.
 */

/** Neighbouring keys, all going: `first` to `last` in key order, nothing between them stays. */
export interface KeyRun {
  first: string;
  last: string;
  /** The run's keys, in key order. */
  keys: string[];
}

/**
 * The runs of `removing` within `storeKeys` (every key of the store, in key order, as
 * `getAll` gives them), and the keys of `removing` the store did not list. A run may
 * hold one key; the caller deletes that one by itself.
 */
export function keyRuns(
  storeKeys: readonly string[],
  removing: ReadonlySet<string>,
): { runs: KeyRun[]; unlisted: string[] } {
  const runs: KeyRun[] = [];
  const listed = new Set<string>();
  let run: KeyRun | undefined;
  for (const key of storeKeys) {
    if (!removing.has(key)) {
      run = undefined;
      continue;
    }
    listed.add(key);
    if (run) {
      run.last = key;
      run.keys.push(key);
    } else runs.push((run = { first: key, last: key, keys: [key] }));
  }
  const unlisted = listed.size === removing.size ? [] : [...removing].filter((k) => !listed.has(k));
  return { runs, unlisted };
}
