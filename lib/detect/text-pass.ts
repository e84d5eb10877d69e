import { forEachReadableText } from './readable-text';
import type { Finding, TextDetector } from './types';

// Text worth handing to the text detectors: an @, a digit (phones), or an
// obfuscated "at". Everything else (most of a page) is skipped after one test.
const WORTH_READING = /[@\d]|[[(]\s*at\s*[\])]|\sat\s/i;

/** Runs every text detector over each readable text node, in one walk. */
export function runTextDetectors(root: ParentNode, detectors: readonly TextDetector[]): Finding[] {
  const findings: Finding[] = [];
  forEachReadableText(root, (node) => {
    const text = node.data;
    if (!WORTH_READING.test(text)) return;
    for (const detect of detectors) {
      for (const finding of detect(text)) findings.push(finding);
    }
  });
  return findings;
}
