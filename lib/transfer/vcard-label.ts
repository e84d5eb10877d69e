import type { PostalAddress } from '../domain/card-fields';
import { unescapeText } from './content-line';
import { typesOf } from './vcard-values';

/*
 * A 2.1 or 3.0 card's LABEL (an address as printed on an envelope) is kept beside
 * the ADR it writes out. vCard 4.0 has no LABEL property: the text travels as the
 * LABEL parameter of that ADR (RFC 6350 §6.3.1). These helpers find, for a 4.0
 * export, which address each kept LABEL belongs to, the way the reader paired them.
 */

const LABEL_LINE = /^(?:[^.:;]+\.)?LABEL((?:;[^:]*)?):(.*)$/is;

/** The kept LABEL lines, each given to the first address of its types that has none yet. */
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
    const index = addresses.findIndex(
      (address, i) =>
        !labels.has(i) &&
        (types.length === 0 ||
          (address.types.length === types.length && types.every((t) => address.types.includes(t)))),
    );
    if (index >= 0) labels.set(index, unescapeText(match[2] ?? ''));
  }
  return { labels, labelLines };
}

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
 * the whole quoted so `:`, `;` and `,` stay in it.
 */
export function paramValue(text: string): string {
  return `"${text
    .replace(/\^/g, '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/"/g, "^'")}"`;
}
