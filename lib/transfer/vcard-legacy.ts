import type { LineParts } from './vcard-lines';

/*
 * vCard 2.1 (Android, Outlook, Windows Address Book) rewritten as 3.0, one logical
 * line at a time, so ical.js — which refuses 2.1 — can read it. Only the syntax
 * differs between them here:
 * - bare parameters (`TEL;CELL;VOICE:`) become TYPE=…; `QUOTED-PRINTABLE`, `BASE64`
 *   and `8BIT` name the encoding, a bare charset the CHARSET;
 * - quoted-printable values are decoded from their CHARSET (UTF-8 when none);
 * - 2.1 escapes only `;` (with `\`): every other backslash, comma and line break
 *   in a value is escaped as 3.0 wants it.
 */

const ENCODINGS: Record<string, string> = {
  'QUOTED-PRINTABLE': 'QUOTED-PRINTABLE',
  BASE64: 'b',
  B: 'b',
  '8BIT': '8BIT',
  '7BIT': '7BIT',
};
const VALUE_TYPES = new Set(['INLINE', 'URL', 'CONTENT-ID', 'CID']);
/** Properties whose commas separate values in 3.0: a 2.1 comma there is one too. */
const LISTS = new Set(['CATEGORIES', 'NICKNAME']);

interface LegacyParams {
  types: string[];
  others: string[];
  encoding?: string;
  charset?: string;
}

function readParams(params: string): LegacyParams {
  const out: LegacyParams = { types: [], others: [] };
  for (const raw of params.split(';')) {
    const param = raw.trim();
    if (param === '') continue;
    const eq = param.indexOf('=');
    const key = (eq < 0 ? param : param.slice(0, eq)).trim().toUpperCase();
    const value = eq < 0 ? '' : param.slice(eq + 1).trim();
    if (eq < 0) {
      if (ENCODINGS[key]) out.encoding = ENCODINGS[key];
      else if (VALUE_TYPES.has(key)) continue;
      else out.types.push(key);
    } else if (key === 'ENCODING') out.encoding = ENCODINGS[value.toUpperCase()] ?? value;
    else if (key === 'CHARSET') out.charset = value;
    else if (key === 'TYPE') out.types.push(...value.split(','));
    else out.others.push(`${key}=${value}`);
  }
  return out;
}

const HEX = /^[0-9A-Fa-f]{2}$/;
const encoder = new TextEncoder();

/** The bytes of a quoted-printable value (soft breaks already joined). */
export function decodeQuotedPrintable(value: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x3d && HEX.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (code === 0x3d && i === value.length - 1) {
      // A soft break at the very end: nothing follows.
    } else if (code < 0x80) bytes.push(code);
    else bytes.push(...encoder.encode(value[i]));
  }
  return Uint8Array.from(bytes);
}

/** One decoder per charset: making a TextDecoder costs more than decoding a line. */
const decoders = new Map<string, TextDecoder>();

function decoderFor(charset: string): TextDecoder {
  let decoder = decoders.get(charset);
  if (!decoder) {
    decoder = new TextDecoder(charset);
    decoders.set(charset, decoder);
  }
  return decoder;
}

function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return decoderFor(charset ?? 'utf-8').decode(bytes);
  } catch {
    // A charset no browser knows: UTF-8 is what nearly every such file holds.
    return decoderFor('utf-8').decode(bytes);
  }
}

/** A 2.1 value in 3.0's escaping: `\;` stays, other backslashes, commas and breaks are escaped. */
function escape21(value: string, name: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\') {
      const next = value[i + 1];
      if (next === ';' || next === ',' || next === '\\') {
        out += `\\${next}`;
        i++;
      } else out += '\\\\';
    } else if (char === ',' && !LISTS.has(name)) out += '\\,';
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && value[i + 1] === '\n') i++;
      out += '\\n';
    } else out += char;
  }
  return out;
}

/**
 * One 2.1 logical line as a 3.0 one. With `paramsOnly`, a 3.0 line that uses 2.1's
 * bare parameters (Apple's `PHOTO;BASE64:`, Outlook's `EMAIL;X400:`) keeps its
 * value as written and only has its parameters named.
 */
export function legacyLineAs30(parts: LineParts, { paramsOnly = false } = {}): string {
  const params = readParams(parts.params);
  let value = parts.value;
  const rest = [...params.others];
  if (paramsOnly) {
    if (params.encoding === 'b') {
      value = value.replace(/\s+/g, '');
      rest.push('ENCODING=b');
    } else if (params.encoding) rest.push(`ENCODING=${params.encoding}`);
    if (params.charset) rest.push(`CHARSET=${params.charset}`);
  } else if (params.encoding === 'QUOTED-PRINTABLE')
    value = escape21(decodeCharset(decodeQuotedPrintable(value), params.charset), parts.name);
  else if (params.encoding === 'b') {
    value = value.replace(/\s+/g, '');
    rest.push('ENCODING=b');
  } else value = escape21(value, parts.name);
  if (params.types.length > 0) rest.unshift(`TYPE=${params.types.join(',')}`);
  const group = parts.group ? `${parts.group}.` : '';
  return `${group}${parts.name}${rest.map((p) => `;${p}`).join('')}:${value}`;
}
