import { createReadableTextWalker, forEachReadableText } from './readable-text';
import type { Finding, TextDetector } from './types';

// Text worth handing to the text detectors: an @, a digit (phones), or an
// obfuscated "at". Everything else (most of a page) is skipped after one test.
const WORTH_READING = /[@\d]|[[({<]\s*at\s*[\])}>]|\sat\s/i;

function readText(text: string, detectors: readonly TextDetector[], into: Finding[]): void {
  if (!WORTH_READING.test(text)) return;
  for (const detect of detectors) {
    for (const finding of detect(text)) into.push(finding);
  }
}

/** Runs every text detector over each readable text node, in one walk. */
export function runTextDetectors(root: ParentNode, detectors: readonly TextDetector[]): Finding[] {
  const findings: Finding[] = [];
  forEachReadableText(root, (node) => readText(node.data, detectors, findings));
  return findings;
}

/**
 * The same walk, a slice at a time: each call reads until `hasTime()` says stop
 * (checked every 128 nodes) and returns true once the whole tree has been read.
 */
export function createTextPass(root: ParentNode, detectors: readonly TextDetector[]) {
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
