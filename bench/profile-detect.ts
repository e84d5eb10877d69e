// Runs inside headless Chromium: where detection's time goes, detector by detector,
// on the generated pages of bench/generate-page.ts. See bench/profile-detect.mjs.
import { collectFindings, ELEMENT_READERS, TEXT_DETECTORS } from '../lib/detect';
import { readToEnd } from '../lib/detect/element-pass';
import { contactsFromFindings } from '../lib/detect/contacts-from-findings';
import { GATE, runTextDetectors } from '../lib/detect/text-pass';
import type { Finding, TextDetector } from '../lib/detect/types';
import { generatePage } from './generate-page';

function floor(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    length += (node as Text).data.length;
  return length;
}

/**
 * The floor with the text pass's tests of every node and nothing else: its class test
 * (@, digit, opening bracket) and, for prose that fails it, `proseTest` (the spelled-out
 * reader's "dot"). What each node costs before any detector runs.
 */
function gatedWalk(root: Node, proseTest?: RegExp): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let admitted = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data;
    if (GATE.test(text) || proseTest?.test(text)) admitted++;
  }
  return admitted;
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

let tasks: Record<string, () => unknown> = {};

/**
 * Builds the page (when `elements` is given) and the tasks; answers their names, in
 * order, and digests of what was found, so that a speed change can be checked to find
 * exactly the same contacts. bench/profile-detect.mjs times each task in CPU time.
 */
export function prepare(elements: number | undefined) {
  if (elements !== undefined) generatePage(document, elements);
  const context = { url: location.href };
  tasks = {};
  tasks['floor (TreeWalker)'] = () => floor(document.body);
  tasks['floor + class test of each text'] = () => gatedWalk(document.body);
  const spelledTest = TEXT_DETECTORS.spelled[0]?.mayMatch;
  tasks['floor + class test + "dot" test of prose'] = () => gatedWalk(document.body, spelledTest);
  // A page-level test instead (one search of the whole text for a spelled-out "dot"):
  // building the text costs more than testing each node.
  tasks['page text and "dot" test (body.textContent)'] = () =>
    spelledTest?.test(document.body.textContent ?? '');
  for (const read of ELEMENT_READERS)
    tasks[`element: ${detectorName(read)}`] = () => readToEnd(read(document, context));
  tasks['text pass (all text detectors)'] = () => runTextDetectors(document, TEXT_DETECTORS);
  // The walk and its gates, with detectors that find nothing (each keeping its `mayMatch`).
  const idle = (group: readonly TextDetector[]): TextDetector[] =>
    group.map((detect) => Object.assign(() => [], { mayMatch: detect.mayMatch }));
  const idleDetectors = {
    at: idle(TEXT_DETECTORS.at),
    digits: idle(TEXT_DETECTORS.digits),
    spelled: idle(TEXT_DETECTORS.spelled),
  };
  tasks['text walk and gates (no detector work)'] = () => runTextDetectors(document, idleDetectors);
  // Each text detector alone, over every readable text (no prefilter but its own).
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    texts.push((node as Text).data);
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
  tasks['merge'] = () => contactsFromFindings(findings);
  tasks['detect (collect + merge)'] = () =>
    contactsFromFindings(collectFindings(document, context));
  const contacts = contactsFromFindings(findings);
  return {
    elements: document.getElementsByTagName('*').length,
    findings: findings.length,
    contacts: contacts.length,
    findingsDigest: digest(findings),
    contactsDigest: digest(contacts),
    tasks: Object.keys(tasks),
  };
}

/** Runs one task `count` times. */
export function run(task: string, count: number): void {
  const work = tasks[task]!;
  for (let i = 0; i < count; i++) work();
}

declare global {
  interface Window {
    clienteleProfile: { prepare: typeof prepare; run: typeof run };
  }
}
window.clienteleProfile = { prepare, run };
