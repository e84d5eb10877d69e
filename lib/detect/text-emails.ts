import { normalizeEmail } from '../domain/email';
import { anyCase, LETTER } from './case-folded';
import type { Finding, TextDetector } from './types';

// A candidate address, matched only where it starts (see below); normalizeEmail then
// validates each one. The local part takes every character RFC 5322 allows in an atom
// (`o'malley@…`, `~emersion/soju-dev@…`).
const CANDIDATE = /[\p{L}\p{N}._%+\-'~/=!#$&*?^`{|}]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
// Quote marks and bars before an address are the sentence's, not the address's (`'ada@x.com'`).
const LEADING_MARKS = /^['`|]+/;
// An address-like run inside a URL's authority is its user-info (`http://user:pass@host`).
const USER_INFO = /[a-z][a-z\d+.-]*:\/\/[^\s/?#@]*$/i;
// Looks like an address but is a file (`logo@2x.png`) or a scoped package.
const FILE_LIKE = /\.(png|jpe?g|gif|svg|webp|avif|css|js|mjs|ts|json|map|woff2?)$/i;
// A top-level domain is letters (or punycode); `@scope/pkg@1.0.0-beta` is a package version.
// Any case, without the `i` flag (case-folded.ts): `[a-z]` with `iu` also takes the
// Kelvin sign and the long s.
const PLAUSIBLE_TLD = new RegExp(
  `\\.(?:[${LETTER}]{2,}|${anyCase('xn')}--[a-zA-Z0-9\\u212a\\u017f-]+)$`,
  'u',
);
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** Plain-text addresses in one text node's data. */
export const findTextEmails: TextDetector = (text) => {
  if (!text.includes('@')) return [];
  const findings: Finding[] = [];
  for (let from = 0, at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    // An address is the run of local-part characters right before an @, then a domain.
    // Searching from each @ finds what a global search of CANDIDATE finds (a local part
    // ends only at an @, so every start inside one run stands or falls with the run's
    // first) in time linear in the text, where the search tried every start.
    CANDIDATE.lastIndex = localPartStart(text, from, at);
    const match = CANDIDATE.exec(text);
    if (match === null) continue;
    if (text.includes('//') && USER_INFO.test(text.slice(Math.max(0, at - 200), at))) continue;
    from = CANDIDATE.lastIndex;
    at = from - 1;
    // Sentence punctuation around an address is not part of it (`Thanks...ada@x.com.`):
    // an ellipsis ends the word before the address; two dots stay an invalid address.
    let raw = match[0].replace(LEADING_MARKS, '');
    if (raw.includes('...')) raw = raw.replace(/^.*\.{3,}/, '');
    if (isDotOrHyphen(raw.charCodeAt(0)) || isDotOrHyphen(raw.charCodeAt(raw.length - 1)))
      raw = raw.replace(/^[.-]+|[.-]+$/g, '');
    if (FILE_LIKE.test(raw) || !PLAUSIBLE_TLD.test(raw)) continue;
    const email = normalizeEmail(raw);
    if (email) findings.push({ email, source: 'text-email', confidence: 0.6 });
  }
  return findings;
};

/**
 * Where the run of local-part characters (letters, digits, `._%-` and ATEXT_MARKS) that ends at `end`
 * starts, not before `from` (the end of the previous address).
 */
function localPartStart(text: string, from: number, end: number): number {
  let start = end;
  while (start > from) {
    const code = text.charCodeAt(start - 1);
    if (code < 0x80) {
      if (!isAsciiLocal(code)) break;
      start -= 1;
      continue;
    }
    // A letter or number beyond ASCII, possibly written as a surrogate pair.
    const pair =
      code >= 0xdc00 &&
      code <= 0xdfff &&
      start - 2 >= from &&
      (text.charCodeAt(start - 2) & 0xfc00) === 0xd800;
    const width = pair ? 2 : 1;
    if (!LETTER_OR_NUMBER.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return start;
}

const ATEXT_MARKS = "+'~/=!#$&*?^`{|}";

function isDotOrHyphen(code: number): boolean {
  return code === 0x2e || code === 0x2d;
}

function isAsciiLocal(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2e || // .
    code === 0x5f || // _
    code === 0x25 || // %
    code === 0x2d || // -
    // + ' ~ / = ! # $ & * ? ^ ` { | }
    ATEXT_MARKS.includes(String.fromCharCode(code))
  );
}
