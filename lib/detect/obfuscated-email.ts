import { normalizeEmail } from '../domain/email';
import { anyCase, LETTER_OR_NUMBER as W } from './case-folded';
import type { Finding, TextDetector } from './types';

// `[at]`, `(at)`, `{at}`, `<at>` (any case, spaces inside allowed), a spaced word `at`,
// or a real `@` followed by an obfuscated dot. Written for the `u` flag alone, the case
// of the words spelled out (case-folded.ts: the `i` flag made the first scan compile
// these for tens of milliseconds).
const OPEN = '[\\[({<]';
const CLOSE = '[\\])}>]';
const AT_WORD = anyCase('at');
const DOT_SPELLED = anyCase('dot');
const AT = `\\s*${OPEN}\\s*${AT_WORD}\\s*${CLOSE}\\s*|\\s+${AT_WORD}\\s+|\\s*@\\s*`;
const DOT = `\\s*${OPEN}\\s*(?:${DOT_SPELLED}|${anyCase('period')})\\s*${CLOSE}\\s*|\\s+${DOT_SPELLED}\\s+|\\.`;
const LABEL = `[${W}](?:[${W}-]{0,61}[${W}])?`;
const ATOMS = `[${W}._%+-]{1,64}`;
const CANDIDATE = new RegExp(
  `(?<![${W}._%+-])(${ATOMS}(?:(?:${DOT})${ATOMS}){0,3})(${AT})(${LABEL}(?:(?:${DOT})${LABEL}){1,6})(?![${W}-]|\\.[${W}])`,
  'gu',
);
const BRACKETED = new RegExp(`${OPEN}\\s*(?:at|dot|period)\\s*${CLOSE}`, 'i');
const DOT_WORD = /\s+dot\s+/i;
const DOTS = new RegExp(DOT, 'gu');
// Every form has a bracketed "at" (`[at]`, `( at )`), or the word "dot" or "period"
// (bracketed or spaced): text with none of them has nothing here. The text pass asks
// this of text without an @ before it looks for a spelled-out "at" (see
// TextDetector.mayMatch): an "at" before a bracket or a "dot" is rare in prose, where
// `at 9:30 (CET)` and `[see table 2]` are not.
const MAY_MATCH = /at\s*[\])}>]|dot|period/i;
// Without brackets, an address is found only where its domain has a spelled-out "dot":
// an "at" or "@", the domain's labels and real dots up to its first " dot ", then a
// label. (CANDIDATE tries every word of the text as a local part, which costs about
// 100 ns a character; most prose with the word "dot" has no "at <domain> dot" in it.)
const SPELLED_DOMAIN = new RegExp(
  `(?:\\s${AT_WORD}\\s|@)\\s*[${W}][${W}.-]*\\s+${DOT_SPELLED}\\s+[${W}]`,
  'u',
);
// What SPELLED_DOMAIN needs, without the Unicode flag: a spaced "dot". Asked first, as
// SPELLED_DOMAIN's search tries every position of the text, and prose with an "at"
// (most paragraphs) seldom has a spaced "dot".
const SPACED_DOT = /\sdot\s/i;
// Prose words that are followed by "at" far more often than they are anyone's mailbox.
const PROSE_LOCAL =
  /^(?:look|looks|looked|meet|meeting|be|is|are|were|been|arrive|arrived|stay|stayed|work|works|worked|me|us|him|her|them|it|this|that|home|here|there|aim|aimed|point|good|best|better|bad|great|hard|sit|stand|laugh|stare|staring|shot|shoot|even|only|just|all|both|not|and|or|but|was|born|died|live|lives|lived|held|based)$/i;
// ...and words that follow "at" in prose, or end a sentence after "dot" (`the dot on`).
const PROSE_DOMAIN =
  /^(?:the|a|an|my|your|his|her|our|their|this|that|home|noon|night|work|school|least|last|first|once|all)\b|\s(?:on|in|is|it|at|to|be|me|my|of|or|as|an|am|do|go|he|we|no|so|up|us|by|if)$/i;

/**
 * Addresses written to dodge harvesters: `ada [at] example [dot] com`,
 * `ada (at) example.com`, `ada{at}example{dot}com`, `ada at example dot com`, and
 * `ada@example[dot]com`. The bare word form needs both "at" and "dot" as words, so
 * prose ("meet at noon", "look at example.com") is not read as an address.
 */
export const findObfuscatedEmails: TextDetector = Object.assign(
  function findObfuscatedEmails(text: string): Finding[] {
    // Every form has a bracketed "at"/"dot", or a domain with the word "dot" in it right
    // after an "at" or "@": text with neither is skipped.
    if (!BRACKETED.test(text) && !(SPACED_DOT.test(text) && SPELLED_DOMAIN.test(text))) return [];
    const findings: Finding[] = [];
    CANDIDATE.lastIndex = 0;
    for (let match = CANDIDATE.exec(text); match !== null; match = CANDIDATE.exec(text)) {
      const [, local = '', at = '', domain = ''] = match;
      const bracketedAt = BRACKETED.test(at);
      const obfuscatedDot = BRACKETED.test(domain) || DOT_WORD.test(domain);
      if (at.includes('@') && !obfuscatedDot) continue; // a plain address: text-emails has it
      if (!bracketedAt && !at.includes('@')) {
        // The spaced word "at": only with a spaced word "dot" too, and not after prose.
        if (!DOT_WORD.test(domain) || PROSE_LOCAL.test(local) || PROSE_DOMAIN.test(domain))
          continue;
      }
      const tld = domain.slice(domain.search(/[\p{L}\p{N}-]+$/u));
      if (!/^\p{L}{2,}$/u.test(tld) && !/^xn--/i.test(tld)) continue;
      const email = normalizeEmail(`${local.replace(DOTS, '.')}@${domain.replace(DOTS, '.')}`);
      if (email) findings.push({ email, source: 'obfuscated-email', confidence: 0.5 });
    }
    return findings;
  },
  { mayMatch: MAY_MATCH },
);
