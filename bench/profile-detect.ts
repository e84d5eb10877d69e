// Runs inside headless Chromium: where detection's time goes, detector by detector,
// on the generated pages of bench/generate-page.ts. See bench/profile-detect.mjs.
import { collectFindings, ELEMENT_DETECTORS, TEXT_DETECTORS } from '../lib/detect';
import { mergeFindings } from '../lib/detect/merge';
import { forEachReadableText } from '../lib/detect/readable-text';
import { runTextDetectors } from '../lib/detect/text-pass';
import type { Finding, TextDetector } from '../lib/detect/types';
import { generatePage } from './generate-page';

/**
 * Median timing of each task in milliseconds, the tasks run in turn (round robin,
 * after one warm-up run each) so that a noisy neighbour slows them all alike.
 */
function timeAll(tasks: Record<string, () => unknown>, runs: number): Record<string, number> {
  const samples: Record<string, number[]> = {};
  for (const [name, work] of Object.entries(tasks)) {
    work();
    samples[name] = [];
  }
  for (let i = 0; i < runs; i++) {
    for (const [name, work] of Object.entries(tasks)) {
      const start = performance.now();
      work();
      samples[name]!.push(performance.now() - start);
    }
  }
  const medians: Record<string, number> = {};
  for (const [name, times] of Object.entries(samples)) {
    times.sort((a, b) => a - b);
    medians[name] = times[Math.floor(times.length / 2)]!;
  }
  return medians;
}

function floor(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    length += (node as Text).data.length;
  return length;
}

/** A short, stable digest of a value's JSON, to check that a change finds the same things. */
function digest(value: unknown): string {
  const json = JSON.stringify(value);
  let hash = 2166136261;
  for (let i = 0; i < json.length; i++) hash = Math.imul(hash ^ json.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function detectorName(detect: (...args: never[]) => unknown): string {
  return detect.name || 'anonymous';
}

export function profile(elements: number | undefined, runs: number) {
  if (elements !== undefined) generatePage(document, elements);
  const context = { url: location.href };
  const tasks: Record<string, () => unknown> = {};
  tasks['floor (TreeWalker)'] = () => floor(document.body);
  for (const detect of ELEMENT_DETECTORS)
    tasks[`element: ${detectorName(detect)}`] = () => detect(document, context);
  tasks['text pass (all text detectors)'] = () => runTextDetectors(document, TEXT_DETECTORS);
  tasks['text walk only (no detector)'] = () =>
    runTextDetectors(document, { at: [], digits: [], spelled: [] });
  // Each text detector alone, over every readable text (no prefilter but its own).
  const texts: string[] = [];
  forEachReadableText(document, (node) => texts.push(node.data));
  const groups: (readonly TextDetector[])[] = [
    TEXT_DETECTORS.at,
    TEXT_DETECTORS.digits,
    TEXT_DETECTORS.spelled,
  ];
  for (const group of groups) {
    for (const detect of group) {
      tasks[`text: ${detectorName(detect)} (every node)`] = () => {
        for (const text of texts) detect(text);
      };
    }
  }
  const findings: Finding[] = collectFindings(document, context);
  tasks['merge'] = () => mergeFindings(findings);
  tasks['detect (collect + merge)'] = () => mergeFindings(collectFindings(document, context));
  const rows = timeAll(tasks, runs);
  const contacts = mergeFindings(findings);
  return {
    elements: document.getElementsByTagName('*').length,
    findings: findings.length,
    contacts: contacts.length,
    findingsDigest: digest(findings),
    contactsDigest: digest(contacts),
    rows,
  };
}

declare global {
  interface Window {
    clienteleProfile: { profile: typeof profile };
  }
}
window.clienteleProfile = { profile };
