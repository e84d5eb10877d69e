import { createReadableTextWalker, forEachReadableText } from './readable-text';
import type { Finding, TextDetector } from './types';

/**
 * Which text detectors a node's text can interest, decided with the cheapest tests
 * there are (most of a page is prose with no @ and no digit, and is skipped here).
 */
export interface TextDetectors {
  /** Need an `@`: plain addresses, `Name <address>`. */
  at: readonly TextDetector[];
  /** Need a digit: phones. */
  digits: readonly TextDetector[];
  /** Need a spelled-out "at": disguised addresses. */
  spelled: readonly TextDetector[];
}

const DIGIT = /\d/;

function readText(text: string, detectors: TextDetectors, into: Finding[]): void {
  const run = (group: readonly TextDetector[]) => {
    for (const detect of group) for (const finding of detect(text)) into.push(finding);
  };
  const at = text.includes('@');
  if (at) run(detectors.at);
  // `ada@example[dot]com` has an @ and still needs the disguised-address reader.
  if (at ? text.includes('dot') : spellsAt(text)) run(detectors.spelled);
  if (DIGIT.test(text)) run(detectors.digits);
}

function spellsAt(text: string): boolean {
  return (
    text.includes(' at ') ||
    text.includes('at]') ||
    text.includes('at)') ||
    text.includes('at}') ||
    text.includes('at>') ||
    text.includes(' AT ')
  );
}

/** Runs every text detector over each readable text node, in one walk. */
export function runTextDetectors(root: ParentNode, detectors: TextDetectors): Finding[] {
  const findings: Finding[] = [];
  forEachReadableText(root, (node) => readText(node.data, detectors, findings));
  return findings;
}

/**
 * The same walk, a slice at a time: each call reads until `hasTime()` says stop
 * (checked every 128 nodes) and returns true once the whole tree has been read.
 */
export function createTextPass(root: ParentNode, detectors: TextDetectors) {
  const walker = createReadableTextWalker(root);
  const findings: Finding[] = [];
  return {
    findings,
    step(hasTime: () => boolean): boolean {
      for (;;) {
        for (let i = 0; i < 128; i++) {
          const node = walker.next();
          if (node === null) return true;
          readText(node.data, detectors, findings);
        }
        if (!hasTime()) return false;
      }
    },
  };
}
