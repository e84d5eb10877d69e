import type { DetectContext, Detector, ElementReader, Finding } from './types';

/** Runs a reader without pausing: what a one-shot read of the page does. */
export function readToEnd(reading: Generator<undefined, Finding[], undefined>): Finding[] {
  for (;;) {
    const next = reading.next();
    if (next.done) return next.value;
  }
}

/** The one-shot detector of a reader, for reads that need no slicing (tests, small changes). */
export const detectorOf =
  <Args extends unknown[]>(read: (...args: Args) => Generator<undefined, Finding[], undefined>) =>
  (...args: Args): Finding[] =>
    readToEnd(read(...args));

/** A detector whose work cannot usefully be split (a few selector queries) as a reader of one step. */
export const readerOf = (detect: Detector): ElementReader =>
  // eslint-disable-next-line require-yield -- one step: it never pauses
  function* (root, context) {
    return detect(root, context);
  };

/**
 * The element readers over a root, a step at a time, as the text walk is read
 * (text-pass.ts): each `step` runs until `hasTime()` says stop, asked after every
 * step of a reader (a query, a chunk of links, an item), and returns true once every
 * reader is done. Each call does at least one step, so a scan always advances.
 *
 * The page may change between two slices. A reader keeps the elements its query
 * found; what changes meanwhile the content script reads from its mutation records.
 */
export class ElementPass {
  readonly findings: Finding[] = [];
  #readers: readonly ElementReader[];
  #root: ParentNode;
  #context: DetectContext;
  #at = 0;
  #reading: Generator<undefined, Finding[], undefined> | undefined;
  /** Steps taken so far: how finely the work was cut (the slicing tests read it). */
  steps = 0;

  constructor(root: ParentNode, context: DetectContext, readers: readonly ElementReader[]) {
    this.#root = root;
    this.#context = context;
    this.#readers = readers;
  }

  /** Whether every reader is done. */
  get done(): boolean {
    return this.#at >= this.#readers.length;
  }

  step(hasTime: () => boolean): boolean {
    while (this.#at < this.#readers.length) {
      this.#reading ??= this.#readers[this.#at]!(this.#root, this.#context);
      const next = this.#reading.next();
      this.steps++;
      if (next.done) {
        for (const finding of next.value) this.findings.push(finding);
        this.#reading = undefined;
        this.#at++;
      }
      if (!hasTime()) break;
    }
    return this.#at >= this.#readers.length;
  }
}
