import { anyCase, LETTER, LETTER_OR_NUMBER as W } from './case-folded';
import type { Finding, TextDetector } from './types';

// Candidates: an optional `+`/`(+44)` prefix, digit groups joined by one separator, a
// spaced slash (`030 / 1234567`) or a `(0)`-style group, then an optional extension.
// The lookahead-backreference pair makes the match atomic, so a rejected candidate is
// not retried as a shorter piece of itself (`2026-11-23 12:30` is not `2026-11-23 12`).
const SP = '[ \\u00a0]';
const GROUP = '\\d{1,15}';
const PAREN = '\\(\\d{1,5}\\)';
const SEP = `(?:[ \\u00a0.\\-/\\u2010-\\u2013]|${SP}/${SP}|${SP}?${PAREN}${SP}?)`;
// A country code in brackets without its `+` (`( 33 1) 42 68 53 00`): one number, not two.
const BRACKETED_COUNTRY = `\\(${SP}?\\d{1,3}${SP}\\d{1,4}\\)${SP}?`;
const BODY = `(?:\\+${SP}?|\\(\\+\\d{1,4}\\)${SP}?|${BRACKETED_COUNTRY})?(?:${PAREN}[ \\u00a0.-]?)?${GROUP}(?:${SEP}${GROUP}){0,7}`;
const EXT = `${SP}?(?:ext\\.?|extension|x)${SP}?\\d{1,6}`;
// EXT for the Unicode flag alone (case-folded.ts: with `iu`, CANDIDATE took tens of
// milliseconds to compile on a page's first scan).
const EXT_ANY_CASE = `${SP}?(?:${anyCase('ext')}\\.?|${anyCase('extension')}|${anyCase('x')})${SP}?\\d{1,6}`;
// A phone starts with seven phone characters in a row.
const SEVEN_CHARS = '[+(\\d][-+\\d ().\\/\\u00a0\\u2010-\\u2013]{6}';
// Sticky: it is tried only where SEVEN_AT (below) finds seven phone characters.
const CANDIDATE = new RegExp(
  `(?<![${W}_,+\\-/@#&=$€£¥%]|\\p{N}[.:])(?=(${BODY}(?:${EXT_ANY_CASE})?))\\1(?![${W}_%°]|[.,:/-]\\d)`,
  'yu',
);
// Where a candidate can start. A search of CANDIDATE itself (`g`) tried its Unicode
// lookbehind at every position of the text: 30 ns a character on prose with dates and
// prices, most of the text pass's time. This scan, without the Unicode flag, finds the
// next place with seven phone characters not after a character that CANDIDATE's
// lookbehind turns away (its ASCII part, the currency signs, and a digit with a point),
// and CANDIDATE is tried there alone: the same matches, in the same order (no character
// folds to a phone character, so the case-insensitive flag changes nothing). The seven
// characters are seven code units: a hit ends 7 after it starts.
const SEVEN_AT = new RegExp(`(?<![\\dA-Za-z_,+\\-/@#&=$%€£¥]|\\d[.:])${SEVEN_CHARS}`, 'g');
const SEVEN_LENGTH = 7;
const TRAILING_EXT = new RegExp(`${EXT}$`, 'i');
const SPACED_SLASH = /[ \u00a0]\/[ \u00a0]/;

// Whole-candidate shapes that are not phones.
const DATE = /^(?:\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2(?:\d{2}|\d{4}))$/;
const DATE_FIRST =
  /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|(?:19|20)\d\d([-/.])(?:0?[1-9]|1[0-2])\1)(?!\d)/;
const CARD = /^\d{4}([ -])\d{4}\1\d{4}\1\d{4}$|^\d{4}[ -]\d{6}[ -]\d{5}$/;
const ZIP_PLUS_4 = /^\d{5}-\d{4}$/;
const ISBN_13 = /^97[89][- ]?\d/;
const DECIMAL = /^\d+\.\d+$/;
// Opening hours and price ranges written with points: `9.00-17.30`, `12.99 15.99`.
const POINT_PAIRS = /^\d{1,2}\.\d\d(?:[ \u00a0\-\u2010-\u2013]\d{1,2}\.\d\d)+$/;
const YEAR_RANGE = /^(?:19|20)\d\d\D+(?:19|20)\d\d$/;
const IPV4_SHAPE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const THOUSANDS = /^\d{1,3}([ \u00a0.])\d{3}(?:\1\d{3})+$/;

// Context: the text just before and just after a candidate.
// A label right before the number (`Tel.:`, `call us on`, `f:`), in any case. Written
// for the `u` flag alone (case-folded.ts): with `iu` it was the slowest pattern of a
// page's first scan to compile. `\b` before a word, as `iu` reads it (the Kelvin sign
// and the long s are word characters there).
const WORD_START = '(?<![\\w\\u017f\\u212a])';
const LABEL_WORDS = anyCase(
  't(?:é|É|e)l(?:(?:é|É|e)phone|efon)?|phone|ph|call(?: (?:us|me|them))?(?: (?:on|at))?|mobile|mob|cell(?:phone)?|fax|handy|whatsapp',
);
const NUMBER_WORDS = anyCase('no|nr|number|num');
const PHONE_LABEL = new RegExp(
  `(?:${WORD_START}(?:${LABEL_WORDS})\\.?|(?:^|[^${LETTER}])[tTmMfFpP]:)(?: ?(?:${NUMBER_WORDS}|#)\\.?)?\\s*[:.]?\\s*$`,
  'u',
);
// Identifiers, registry numbers among them (SIRET/SIREN, VAT ids, company numbers):
// valid phones in some regions, never phones. A VAT id may lead with its country (`DE`).
const ID_LABEL =
  /(?:#|\b(?:order|invoice|inv|no|nr|ref|reference|id|ticket|case|account|acct|customer|tracking|po|sku|item|serial|iban|vat|isbn(?:-1[03])?|issn|sire[nt]|tva|ust|ust-?id(?:nr)?|uid|btw|nif|cif|nip|regon|krs|kvk|rcs(?:\s+[a-zà-ÿ-]+){0,2}|hr[ab]|abn|acn|ein|crn|p\.? ?iva|steuer-?nr|steuernummer|company|registration|reg)\b\.?(?: ?(?:no|nr|number|num|#)\b\.?)?)\s*[:#]?\s*(?:[A-Z]{2}\s?)?$/i;
const VERSION_LABEL = /\b(?:v|ver|version|release|build|rev|revision)\.?\s*$/i;
const CURRENCY =
  '[$€£¥₹₽¢₩₪₺฿]|\\b(?:USD|EUR|GBP|CHF|JPY|CNY|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|INR|RUB|BRL|MXN|ZAR|SGD|HKD|Rs|kr)\\b\\.?';
const CURRENCY_BEFORE = new RegExp(`(?:${CURRENCY})\\s*$`, 'i');
const AFTER = new RegExp(
  `^\\s*(?:${CURRENCY}|%|‰|percent\\b|pct\\b|dollars?\\b|euros?\\b|pounds?\\b|,-)`,
  'i',
);

/**
 * Phone-number candidates in text, as written (the background validates them with
 * libphonenumber). Shapes that are mostly something else — dates, times, prices,
 * versions, IP addresses, coordinates, ISBNs, order numbers, card numbers,
 * ZIP+4 — are rejected before the rest of the checks.
 */
export const findTextPhones: TextDetector = function findTextPhones(text: string): Finding[] {
  const findings: Finding[] = [];
  for (let match = nextCandidate(text, 0); match !== null;) {
    const raw = match[1] ?? '';
    // Two numbers side by side (`020 7946 0958 / 020 7946 0959`) are read one by one.
    if (SPACED_SLASH.test(raw) && (raw.match(/\d/g)?.length ?? 0) > 15) {
      let start = match.index;
      for (const part of raw.split(SPACED_SLASH)) {
        start = text.indexOf(part, start);
        const finding = readCandidate(text, start, part);
        if (finding) findings.push(finding);
        start += part.length;
      }
    } else {
      const finding = readCandidate(text, match.index, raw);
      if (finding) findings.push(finding);
    }
    match = nextCandidate(text, CANDIDATE.lastIndex);
  }
  return findings;
};

/** The first CANDIDATE match at or after `from`, as a global search of it would find it. */
function nextCandidate(text: string, from: number): RegExpExecArray | null {
  SEVEN_AT.lastIndex = from;
  while (SEVEN_AT.test(text)) {
    const start = SEVEN_AT.lastIndex - SEVEN_LENGTH;
    CANDIDATE.lastIndex = start;
    const match = CANDIDATE.exec(text);
    if (match !== null) return match;
    SEVEN_AT.lastIndex = start + 1;
  }
  return null;
}

function readCandidate(text: string, start: number, raw: string): Finding | undefined {
  // Every extension marker (`ext`, `extension`, `x`) has an x.
  const body = raw.includes('x') || raw.includes('X') ? raw.replace(TRAILING_EXT, '') : raw;
  // Most candidates on a page are dates, year ranges and short numbers: counted, and
  // their shapes tested, without splitting them into groups first (hasOtherShape
  // rejects the same shapes after its cheaper tests, which these seldom fail).
  if (!hasPhoneDigitCount(body) || isDateShaped(body)) return undefined;
  const groups = body.match(/\d+/g) ?? [];
  if (hasOtherShape(body, groups)) return undefined;
  const end = start + raw.length;
  const before = text.slice(Math.max(0, start - 32), start);
  const labelled = PHONE_LABEL.test(before);
  if (hasOtherContext(before, text.slice(end, end + 12), labelled)) return undefined;
  // A bare digit run could be anything; a label, `+`, parentheses or a separator says phone.
  if (!labelled && groups.length < 2 && !/[+(]/.test(body)) return undefined;
  return { phones: [raw.trim()], source: 'text-phone', confidence: labelled ? 0.7 : 0.5 };
}

/** 7–15 digits, no run of them longer than 12 (hasOtherShape says the same of other counts). */
function hasPhoneDigitCount(body: string): boolean {
  let digits = 0;
  let run = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      digits++;
      if (++run > 12) return false;
    } else run = 0;
  }
  return digits >= 7 && digits <= 15;
}

/** `2026-11-23`, `23/11/2026`, `2001–2020`: never a phone, whatever else it is. */
function isDateShaped(body: string): boolean {
  return DATE_FIRST.test(body) || DATE.test(body) || YEAR_RANGE.test(body);
}

/** The candidate's own shape says it is something else (or too short or long for a phone). */
function hasOtherShape(body: string, groups: string[]): boolean {
  let digits = 0;
  let singles = 0;
  for (const group of groups) {
    if (group.length > 12) return true;
    digits += group.length;
    if (group.length === 1) singles++;
  }
  if (digits < 7 || digits > 15) return true;
  // Lists of small numbers (`1 2 3 4 5 6 7`, `9 10 11 12`) are not phones; `+33 1 23 45 67 89` is.
  if (singles > (body.includes('(') ? 2 : 1) || isSequence(groups)) return true;
  if (/^\(?\+/.test(body)) return false;
  if (DATE.test(body) || DATE_FIRST.test(body) || CARD.test(body) || ZIP_PLUS_4.test(body))
    return true;
  if (DECIMAL.test(body) || POINT_PAIRS.test(body) || YEAR_RANGE.test(body)) return true;
  if (isIpAddress(body) || isVersion(body)) return true;
  // `1 234 567`, `1.234.567`, `100 000 000`; but `612 345 678` is a Spanish mobile.
  if (THOUSANDS.test(body) && (groups[0]!.length < 3 || /000$|\./.test(body))) return true;
  return digits === 13 && ISBN_13.test(body);
}

/** The words around the candidate say it is an amount, a version, or an identifier. */
function hasOtherContext(before: string, after: string, labelled: boolean): boolean {
  if (CURRENCY_BEFORE.test(before) || AFTER.test(after) || VERSION_LABEL.test(before)) return true;
  return !labelled && ID_LABEL.test(before);
}

function isSequence(groups: string[]): boolean {
  return (
    groups.length >= 3 && groups.every((group, i) => i === 0 || +group === +groups[i - 1]! + 1)
  );
}

function isIpAddress(body: string): boolean {
  return IPV4_SHAPE.test(body) && body.split('.').every((part) => Number(part) <= 255);
}

/** Dotted numbers with a one-digit group after the first: `1.2.3.4`, `10.0.19041.1234`. */
function isVersion(body: string): boolean {
  return (
    /^\d+(?:\.\d+)+$/.test(body) &&
    body
      .split('.')
      .slice(1)
      .some((part) => part.length === 1)
  );
}
