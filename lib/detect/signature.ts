import { openMessageSender } from './gmail';
import { outlookOpenSender } from './outlook';
import { findTextEmails } from './text-emails';
import type { Finding } from './types';
import { textLines } from './webmail-text';
import { selectAll } from './element-skip';

// Message bodies: Gmail, Outlook on the web, and plain text anywhere.
const BODIES = [
  'div.a3s',
  'div.gmail_signature',
  '[aria-label="Message body"]',
  '[role="document"]',
  'pre',
];
const BODY = BODIES.join(', ');
const GMAIL_SIGNATURE = 'div.gmail_signature';
const OUTLOOK_BODY = '[aria-label="Message body"], [role="document"]';
const QUOTE = 'div.gmail_quote, blockquote';

// A whole line that signs off: English, German, French, Spanish, Italian, Dutch, Portuguese.
const SIGN_OFF = new RegExp(
  '^(?:(?:best|(?:best|kind|warm|warmest|many) (?:regards|wishes)|all the best|regards|' +
    '(?:many )?thanks(?: again)?|thank you|cheers|(?:yours )?sincerely(?: yours)?|yours truly|' +
    'take care|mit freundlichen gr(?:ü|ue)(?:ß|ss)en|(?:viele|beste|liebe|freundliche) gr(?:ü|ue)(?:ß|ss)e|' +
    '(?:bien )?cordialement|bien à vous|(?:un )?saludos?(?: cordiales)?|atentamente|' +
    '(?:cordiali|distinti) saluti|met vriendelijke groet(?:en)?|atenciosamente)\\s*[,.!]?|--)$',
  'iu',
);
// Where a signature ends: quoted history, a forwarded header, a mobile footer.
const STOP =
  /^(?:(?:from|sent|to|cc|subject|date)\s*:|-+\s*original message|sent from my)|wrote:$/i;
const ROLE =
  /\b(?:director|partner|manager|consultant|(?:co-?)?founder|owner|ceo|cto|cfo|coo|engineer|designer|developer|lawyer|attorney|solicitor|counsel|accountant|analyst|architect|producer|editor|officer|president|head of|lead|principal|advis[eo]r|specialist|coordinator|freelance|geschäftsführer(?:in)?|directeur|directrice|gerente)\b/iu;
const COMPANY =
  /\b(?:ltd|limited|llc|l\.l\.c|gmbh|inc|llp|plc|corp|corporation|agency|studios?|partners|group|ag|sarl|sas|bv|pty)\b\.?/iu;
const COMPANY_END = new RegExp(`${COMPANY.source}$`, 'iu');
const LABELLED_PHONE = /^(?:t|m|p|w|tel|phone|mobile|mob|cell|office|direct|work)\.?\s*[:.]/i;
const FAX = /^(?:f|fax)\.?\s*[:.]/i;
const PHONE = /(?:\+|\(\s*)?\d[\d\s()./-]{5,}\d/g;
const WEBSITE = /\b(?:https?:\/\/|www\.)[^\s<>"'|]+/i;
const NAME_WORD = /^[\p{L}\p{M}][\p{L}\p{M}'’.-]*$/u;

/**
 * Signature blocks in message bodies: the lines after the last sign-off ("Best
 * regards,", "--", "Cordialement") or a Gmail `div.gmail_signature`, read for a
 * name, title, company, phones (as written), website and email address. Quoted history is
 * skipped. A signature without an address takes the message sender's when the
 * names agree. Role 'signature', confidence 0.6; only signatures with an email or a
 * phone are returned (the rest cannot become a contact).
 */
export function findSignatures(root: ParentNode): Finding[] {
  const findings: Finding[] = [];
  for (const body of selectAll(root, BODIES)) {
    if (body.parentElement?.closest(BODY) || body.closest(QUOTE)) continue;
    if (body.tagName === 'PRE' && body.querySelector('code')) continue;
    const notQuoted = (element: Element) => element.matches(QUOTE);
    const block = body.matches(GMAIL_SIGNATURE)
      ? body
      : [...body.querySelectorAll(GMAIL_SIGNATURE)].find((element) => !element.closest(QUOTE));
    let lines = block ? textLines(block, notQuoted) : textLines(body, notQuoted);
    if (!block) {
      const at = lines.findLastIndex((line) => SIGN_OFF.test(line));
      if (at < 0) continue;
      lines = lines.slice(at + 1);
    }
    const signature = readSignature(lines.slice(0, 8));
    if (signature.name && !signature.email) signature.email = senderEmail(body, signature.name);
    if (signature.email || signature.phones.length > 0) findings.push(toFinding(signature));
  }
  return findings;
}

interface Signature {
  name?: string;
  title?: string;
  organization?: string;
  phones: string[];
  website?: string;
  email?: string;
}

function readSignature(lines: string[]): Signature {
  const parts = lines.flatMap((line) => line.split(/\s+[|·•]\s+/));
  const stop = parts.findIndex((part) => STOP.test(part) || part.length > 100);
  const segments = stop < 0 ? parts : parts.slice(0, stop);
  const signature: Signature = { phones: [] };
  const nameAt = segments.slice(0, 2).findIndex(isName);
  if (nameAt >= 0) signature.name = segments[nameAt];
  let previous = nameAt >= 0 ? 'name' : 'start';
  for (const segment of segments.slice(nameAt + 1)) {
    const email = findTextEmails(segment)[0]?.email;
    const website = WEBSITE.exec(segment)?.[0].replace(/[.,;)]+$/, '');
    const phones = FAX.test(segment) ? [] : phonesIn(segment);
    signature.email ??= email;
    if (website && !website.includes('@')) signature.website ??= website;
    signature.phones.push(...phones);
    let kind = email || website || phones.length > 0 || FAX.test(segment) ? 'contact' : 'other';
    if (kind === 'other' && isPlainText(segment)) {
      const [title, company] = segment.split(/,\s+|\s+at\s+/i);
      const companyFirst = company === undefined && COMPANY_END.test(segment);
      if (!signature.title && ROLE.test(segment) && title && !companyFirst) {
        signature.title = title;
        if (company && COMPANY.test(company)) signature.organization ??= company;
        kind = 'title';
      } else if (!signature.organization && COMPANY.test(segment)) {
        signature.organization = segment;
        kind = 'company';
      } else if (!signature.title && previous === 'name') {
        signature.title = segment;
        kind = 'title';
      } else if (!signature.organization && previous === 'title') {
        signature.organization = segment;
        kind = 'company';
      }
    }
    previous = kind;
  }
  return signature;
}

/** 2–4 words of letters, first and last capitalised, not a job title or a company. */
function isName(text: string): boolean {
  const words = text.split(' ');
  if (words.length < 2 || words.length > 4 || !words.every((word) => NAME_WORD.test(word)))
    return false;
  const capital = (word: string | undefined) => /^\p{Lu}/u.test(word ?? '');
  return capital(words[0]) && capital(words.at(-1)) && !ROLE.test(text) && !COMPANY.test(text);
}

function isPlainText(text: string): boolean {
  return text.length <= 80 && /\p{L}/u.test(text) && !/\d/.test(text);
}

/** Phone-like digit runs, as written: 7–15 digits; a bare run of digits needs a label. */
function phonesIn(text: string): string[] {
  const labelled = LABELLED_PHONE.test(text);
  return [...text.matchAll(PHONE)]
    .map((match) => match[0].trim())
    .filter((phone) => {
      const digits = phone.replace(/\D/g, '').length;
      if (digits < 7 || digits > 15 || /^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$/.test(phone))
        return false;
      return labelled || /^[+(]|\d[\s.-]\d/.test(phone);
    });
}

/** The message sender's address, when the signature's name shares a word with theirs. */
function senderEmail(body: Element, name: string): string | undefined {
  const message = body.closest('div.adn');
  const pane = body.closest('#ReadingPaneContainerId, [role="main"]');
  const sender = message
    ? openMessageSender(message)
    : pane && pane.querySelectorAll(OUTLOOK_BODY).length === 1
      ? outlookOpenSender(pane)
      : undefined;
  if (!sender) return undefined;
  const words = new Set(name.toLowerCase().split(' '));
  const local = sender.email.slice(0, sender.email.lastIndexOf('@'));
  const theirs = [...(sender.name ?? '').toLowerCase().split(' '), ...local.split(/[._+-]/)];
  return theirs.some((word) => word.length > 1 && words.has(word)) ? sender.email : undefined;
}

function toFinding({ phones, ...signature }: Signature): Finding {
  const finding: Finding = { source: 'signature', confidence: 0.6, role: 'signature' };
  for (const [key, value] of Object.entries(signature) as [keyof typeof signature, string][])
    if (value) finding[key] = value;
  if (phones.length > 0) finding.phones = phones;
  return finding;
}
