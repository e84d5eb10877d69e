import { findMailtoLinks } from './mailto';
import { mergeFindings } from './merge';
import { findTextEmails } from './text-emails';
import type { DetectContext, DetectedContact } from './types';

export type { DetectContext, DetectedContact } from './types';

/**
 * Finds the contacts in a page or part of one. Pure over the DOM it is given: the
 * content script passes the live document, tests pass a fixture.
 *
 * @example detectContacts(document, { url: location.href })
 */
export function detectContacts(root: ParentNode, _context: DetectContext): DetectedContact[] {
  return mergeFindings([...findMailtoLinks(root), ...findTextEmails(root)]);
}
