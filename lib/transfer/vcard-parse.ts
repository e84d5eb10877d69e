import ICAL from 'ical.js';
import { readSimpleLine } from './vcard-simple-line';

type DesignSet = typeof ICAL.design.vcard;

export interface ParsedProperty {
  /** The first value: a string, or an array of parts for a structured value. */
  value: unknown;
  /** Further values of a multi-valued property (CATEGORIES, NICKNAME). Never written to. */
  values: readonly unknown[];
  params: Record<string, unknown>;
}

/**
 * One content line read by ical.js, with escapes read as RFC 6350 says. ical.js
 * unescapes `\,` and `\n` but leaves `\;` in text and cannot tell `\\;` (a
 * backslash, then a separator) from `\;` (an escaped semicolon): escaped
 * backslashes are swapped for a character the line does not contain before parsing
 * and swapped back after. Undefined when ical.js cannot read the line. A simple
 * line (vcard-simple-line.ts) is split without ical.js's tokenizer, to the same result.
 */
export function readCardLine(line: string, design: DesignSet): ParsedProperty | undefined {
  try {
    const simple = readSimpleLine(line, design);
    if (simple) return simple;
  } catch {
    // A value type's decoder refused it: so would ical.js.
    return undefined;
  }
  return readWithIcal(line, design);
}

/** Any content line, read by ical.js whole. */
export function readWithIcal(line: string, design: DesignSet): ParsedProperty | undefined {
  const sentinel = line.includes('\\\\') ? pickSentinel(line) : undefined;
  const prepared = sentinel ? line.replace(/\\\\/g, sentinel) : line;
  let parsed: unknown[];
  try {
    parsed = ICAL.parse.property(prepared, design) as unknown[];
  } catch {
    return undefined;
  }
  const [, params, , first, ...rest] = parsed as [
    string,
    Record<string, unknown>,
    string,
    ...unknown[],
  ];
  return {
    value: unescape(first, sentinel),
    values: rest.map((value) => unescape(value, sentinel)),
    params: sentinel ? restoreParams(params, sentinel) : params,
  };
}

/** Parameters ical.js has already unescaped: only the swapped backslashes go back. */
function restoreParams(params: Record<string, unknown>, sentinel: string) {
  const back = (v: unknown): unknown =>
    typeof v === 'string' ? v.split(sentinel).join('\\') : Array.isArray(v) ? v.map(back) : v;
  return Object.fromEntries(Object.entries(params).map(([name, v]) => [name, back(v)]));
}

function unescape(value: unknown, sentinel: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => unescape(v, sentinel));
  if (typeof value !== 'string') return value;
  // Nearly every value has no escape left: it is returned as it is, without two regex passes.
  if (!value.includes('\\') && (!sentinel || !value.includes(sentinel))) return value;
  const plain = value.replace(/\\([;:,])/g, '$1').replace(/\\[nN]/g, '\n');
  return sentinel ? plain.split(sentinel).join('\\') : plain;
}

function pickSentinel(text: string): string | undefined {
  for (let code = 0xe000; code < 0xe100; code++) {
    const candidate = String.fromCharCode(code);
    if (!text.includes(candidate)) return candidate;
  }
  return undefined;
}
