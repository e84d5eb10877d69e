import { findMailtoLinks } from './mailto';
import { mergeFindings } from './merge';
import { runTextDetectors } from './text-pass';
import { findTextEmails } from './text-emails';
import type { DetectContext, DetectedContact, Detector, Finding, TextDetector } from './types';

export type { ContactRole, DetectContext, DetectedContact, DetectorSource } from './types';

/** Detectors that look at elements and attributes: each one a cheap selector query. */
export const ELEMENT_DETECTORS: readonly Detector[] = [findMailtoLinks];

/** Detectors that read text, sharing one walk over the page's readable text. */
export const TEXT_DETECTORS: readonly TextDetector[] = [findTextEmails];

/** Every finding in `root`, unmerged (the content script merges across slices). */
export function collectFindings(root: ParentNode, context: DetectContext): Finding[] {
  const findings: Finding[] = [];
  for (const detect of ELEMENT_DETECTORS) findings.push(...detect(root, context));
  findings.push(...runTextDetectors(root, TEXT_DETECTORS));
  return findings;
}

/**
 * Finds the contacts in a page or part of one. Pure over the DOM it is given: the
 * content script passes the live document, tests pass a fixture.
 *
 * @example detectContacts(document, { url: location.href })
 */
export function detectContacts(root: ParentNode, context: DetectContext): DetectedContact[] {
  return mergeFindings(collectFindings(root, context));
}
