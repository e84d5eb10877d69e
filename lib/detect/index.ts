import { readerOf, readToEnd } from './element-pass';
import { findGmail } from './gmail';
import { readHCards } from './h-card';
import { readJsonLd } from './json-ld';
import { readLinks } from './links';
import { contactsFromFindings } from './contacts-from-findings';
import { readMicrodata } from './microdata';
import { findNameAddresses } from './name-address';
import { findObfuscatedEmails } from './obfuscated-email';
import { findOutlook } from './outlook';
import { readRdfa } from './rdfa';
import { findSignatureBlocks } from './signature-blocks';
import { readSignatures } from './signature';
import { addSignatures } from './signature-merge';
import { runTextDetectors, type TextDetectors } from './text-pass';
import { findTextEmails } from './text-emails';
import { findTextPhones } from './text-phones';
import type {
  DetectContext,
  DetectedContact,
  ElementReader,
  Finding,
  SignatureBlock,
} from './types';
import { GMAIL_PAGE, OUTLOOK_PAGE, WEBMAIL_PAGE, onlyOn } from './webmail-gate';

export type {
  ContactRole,
  DetectContext,
  DetectedContact,
  DetectorSource,
  SignatureBlock,
} from './types';
export { findVcardLinks } from './vcard-links';
export { openMessageSender } from './gmail';
export { outlookOpenSender } from './outlook';

/**
 * Detectors that look at elements and attributes: a selector query each, then the
 * elements it found. Those whose elements can run to thousands on a big page (links,
 * structured data) pause between them, so that the sliced scan can cut them into
 * frames (element-pass.ts). The webmail ones (Gmail, Outlook, signatures in an open
 * message) run only on webmail, in one step each.
 */
export const ELEMENT_READERS: readonly ElementReader[] = [
  readLinks,
  readJsonLd,
  readMicrodata,
  readRdfa,
  readHCards,
  readerOf(onlyOn(GMAIL_PAGE, findGmail)),
  readerOf(onlyOn(OUTLOOK_PAGE, findOutlook)),
  readerOf(onlyOn(WEBMAIL_PAGE, findSignatureBlocks)),
];

/** Detectors that read text, sharing one walk over the page's readable text. */
export const TEXT_DETECTORS: TextDetectors = {
  at: [findTextEmails, findNameAddresses],
  digits: [findTextPhones],
  spelled: [findObfuscatedEmails],
};

/** Every finding in `root`, unmerged (the content script merges across slices). */
export function collectFindings(root: ParentNode, context: DetectContext): Finding[] {
  const findings: Finding[] = [];
  for (const read of ELEMENT_READERS) findings.push(...readToEnd(read(root, context)));
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
  const findings = collectFindings(root, context);
  return addSignatures(contactsFromFindings(findings), readSignatures(signatureBlocksOf(findings)));
}

/**
 * The message bodies' lines that the element pass collected for the background to read
 * signatures from (signature-blocks.ts), each once.
 */
export function signatureBlocksOf(findings: readonly Finding[]): SignatureBlock[] {
  const blocks = new Map<string, SignatureBlock>();
  for (const { signature } of findings)
    if (signature) blocks.set(JSON.stringify(signature), signature);
  return [...blocks.values()];
}
