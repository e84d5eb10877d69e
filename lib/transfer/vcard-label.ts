import type { ContactType, PostalAddress } from '../domain/card-fields';
import { escapeText, unescapeText } from './content-line';
import { typesOf } from './vcard-values';

/*
 * A 2.1 or 3.0 card's LABEL (an address as printed on an envelope) is kept beside
 * the ADR it writes out. vCard 4.0 has no LABEL property: the text travels as the
 * LABEL parameter of that ADR (RFC 6350 §6.3.1), and the reader keeps that the same
 * way, as the 3.0 LABEL line it would be. So a label from any version goes out as
 * a LABEL line in 3.0 and as its ADR's parameter in 4.0. These helpers write that
 * line, and find, for a 4.0 export, which address each kept LABEL belongs to.
 */

const LABEL_TYPES: Partial<Record<ContactType, string>> = {
  work: 'WORK',
  home: 'HOME',
  other: 'OTHER',
};

/** A 4.0 ADR's LABEL parameter as the 3.0 LABEL line of the same address. */
export function labelLine(types: readonly ContactType[], text: string): string {
  const words = types.map((type) => LABEL_TYPES[type]).filter(Boolean);
  return `LABEL${words.length > 0 ? `;TYPE=${words.join(',')}` : ''}:${escapeText(text)}`;
}

const LABEL_LINE = /^(?:[^.:;]+\.)?LABEL((?:;[^:]*)?):(.*)$/is;

/**
 * The kept LABEL lines, each given to an address of its types that has none yet
 * (one without a type may go to any): the one whose street is a line of the label,
 * else one of exactly its types, else the first. Two addresses of one type, only
 * the second with a label, keep theirs apart that way.
 */
export function labelsOfAddresses(
  kept: readonly string[],
  addresses: readonly PostalAddress[],
): { labels: Map<number, string>; labelLines: Set<string> } {
  const labels = new Map<number, string>();
  const labelLines = new Set<string>();
  for (const line of kept) {
    const match = LABEL_LINE.exec(line);
    if (!match) continue;
    labelLines.add(line);
    const { types } = typesOf(paramsOf(match[1] ?? ''));
    const text = unescapeText(match[2] ?? '');
    let best = -1;
    let bestRank = Infinity;
    addresses.forEach((address, i) => {
      if (labels.has(i)) return;
      const exact = sameTypes(address.types, types);
      if (!exact && types.length > 0) return;
      // Whole lines, so that a label of `11 Main St` is not taken for `1 Main St`'s.
      const spelled = !!address.street && `\n${text}\n`.includes(`\n${address.street}\n`);
      const rank = (spelled ? 0 : 2) + (exact ? 0 : 1);
      if (rank < bestRank) [best, bestRank] = [i, rank];
    });
    if (best >= 0) labels.set(best, text);
  }
  return { labels, labelLines };
}

const sameTypes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((type) => b.includes(type));

/** `;TYPE=WORK;X=a` as the parameters typesOf reads (names lower-cased). */
function paramsOf(text: string): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  for (const param of text.split(';').filter(Boolean)) {
    const at = param.indexOf('=');
    // 2.1's bare `WORK` is a type.
    const name = at < 0 ? 'type' : param.slice(0, at).toLowerCase();
    const value = (at < 0 ? param : param.slice(at + 1)).replace(/^"|"$/g, '');
    params[name] = [...(params[name] ?? []), value];
  }
  return params;
}

/**
 * A parameter value as RFC 6868 writes one: `^` `^^`, a line break `^n`, `"` `^'`,
 * the whole quoted so `:`, `;` and `,` stay in it. A backslash is doubled: ical.js
 * (and so our reader) reads a parameter as TEXT, where `\n` is a line break.
 */
export function paramValue(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/\^/g, '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/"/g, "^'")}"`;
}
