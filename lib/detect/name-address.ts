import { normalizeEmail } from '../domain/email';
import { displayName } from './display-name';
import { plainName } from './plain-name';
import type { Finding, TextDetector } from './types';

// An address in angle brackets (or guillemets, `‹…›`), or Outlook's quoted-header
// `[mailto:…]`; the display name is looked for just before it.
const ANGLE =
  /(?:[<‹]\s*(?:mailto:)?([^<>‹›\s@"]{1,64}@[^<>‹›\s@"]{1,255}?)\s*[>›]|\[mailto:([^[\]\s@"]{1,64}@[^[\]\s@"]{1,255}?)\])/gi;
// `Baptiste - Crisp <…>`: a person, a dash, their organization (a notification's sender).
const NAME_DASH_ORGANIZATION = /^(.+?)\s[-–—]\s([^-–—]{2,40})$/;
// A quoted display name right before the brackets: `"Hopper, Grace" <…>`.
const QUOTED = /"((?:[^"\\\r\n]|\\.){1,120})"\s*$/;
// What ends a plain display name on its left: list separators, brackets, labels.
const BREAK = /[,;:<>()"[\]{}|@\\/\u2013\u2014]|\s-\s/;
// A word of a name: capitalised, or from a script without case (CJK, Arabic…).
const NAME_WORD = /^[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}'’.-]*$/u;
const PARTICLE =
  /^(?:van|von|der|den|de|del|della|di|da|du|dos|das|la|le|bin|ibn|al|el|ter|ten|y|zu)$/i;
// Capitalised words that start a sentence or greet rather than name anyone.
const NOT_A_NAME =
  /^(?:contact|email|e-mail|mail|write|from|to|cc|bcc|reply|dear|hi|hello|hey|thanks|thank|regards|cheers|please|ask|call|reach|send|sender|author|by|maintainer|owner|via|or|and|the)$/i;
// `"Ada Lovelace, PhD"` is not "Last, First".
const SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|ph\.d|md|esq|mba|cpa|inc|ltd|llc|gmbh|ag|sa)\.?$/i;

/**
 * `Name <address>` and `"Last, First" <address>` forms, alone or in lists such as
 * `Ada Lovelace <ada@x.com>, "Hopper, Grace" <grace@y.com>`. Candidates come from a
 * cheap scan; quoted names are read as RFC 5322 display names (display-name.ts) and
 * every address is validated by `normalizeEmail`. A "Last, First" name becomes
 * "First Last". Addresses without a display name are left to the text-email detector.
 */
export const findNameAddresses: TextDetector = (text) => {
  if (!text.includes('@') || !/[<‹[]/.test(text)) return [];
  const findings: Finding[] = [];
  let previousEnd = 0;
  ANGLE.lastIndex = 0;
  for (let match = ANGLE.exec(text); match !== null; match = ANGLE.exec(text)) {
    const before = text.slice(Math.max(previousEnd, match.index - 160), match.index);
    previousEnd = match.index + match[0].length;
    const email = normalizeEmail(match[1] ?? match[2] ?? '');
    const dashed = NAME_DASH_ORGANIZATION.exec(before.replace(/\s+/g, ' ').trim());
    const person = dashed && displayNameBefore(`${dashed[1]} `);
    const organization = dashed && plainName(dashed[2]!);
    if (email && person && organization && readName(person)) {
      findings.push({
        email,
        name: readName(person)!,
        organization,
        source: 'name-address',
        confidence: 0.75,
      });
      continue;
    }
    const display = displayNameBefore(before);
    if (!display) continue;
    // A plain name is already checked word by word; a quoted one is read as RFC 5322 (escapes).
    const raw = display.startsWith('"') ? displayName(display) : display;
    if (!raw) continue;
    const name = readName(raw);
    if (email && name) findings.push({ email, name, source: 'name-address', confidence: 0.75 });
  }
  return findings;
};

/** The display name just before an angle address, as RFC 5322 text (quoted or plain). */
function displayNameBefore(before: string): string | undefined {
  const quoted = QUOTED.exec(before);
  if (quoted) return quoted[0].trim();
  // In HTML a line break is only whitespace (markup is wrapped by formatters).
  const segment = before.replace(/\s+/g, ' ').split(BREAK).pop() ?? '';
  const words = segment.trim().split(/\s+/).filter(Boolean);
  let start = words.length;
  while (start > 0 && words.length - start < 5 && isNameWord(words[start - 1]!)) start -= 1;
  while (start < words.length && (PARTICLE.test(words[start]!) || isNotName(words[start]!)))
    start += 1;
  return start < words.length ? words.slice(start).join(' ') : undefined;
}

function isNameWord(word: string): boolean {
  if (PARTICLE.test(word)) return true;
  // A long word ending in a full stop ends a sentence (`Thanks.`); `Dr.` and `J.` do not.
  return NAME_WORD.test(word) && !/^\p{L}{5,}\.$/u.test(word);
}

function isNotName(word: string): boolean {
  return NOT_A_NAME.test(word.replace(/[.!?]+$/, ''));
}

/** A display name as a person's name: "Last, First" turned round, and not an address. */
function readName(raw: string): string | undefined {
  let name = raw.replace(/\s+/g, ' ').trim();
  const lastFirst = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (lastFirst && !SUFFIX.test(lastFirst[2]!.trim()))
    name = `${lastFirst[2]!.trim()} ${lastFirst[1]!.trim()}`;
  return plainName(name);
}
