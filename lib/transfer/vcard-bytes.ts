import { decodeText, type DecodedText } from './decode';

/*
 * vCard 2.1 lets each property name its own CHARSET, and exporters use that on raw
 * 8-bit values too, not only on quoted-printable ones: a Hebrew Outlook card can say
 * `N;CHARSET=windows-1255:<raw bytes>` in a file whose other lines are UTF-8, and a
 * Japanese phone `FN;CHARSET=SHIFT_JIS:<raw bytes>` beside Latin-1 notes. Decoding the
 * whole file in one encoding turns such a line into mojibake, so those lines are cut
 * out as bytes and decoded with their own charset; the file's encoding is found from
 * the other lines alone (the odd line would only mislead the detector).
 */

const CR = 0x0d;
const LF = 0x0a;
const CHARSET = /;\s*CHARSET\s*=\s*"?([^;:"]+)"?/i;
/** Quoted-printable and base64 values are ASCII: vcard-legacy decodes those itself. */
const ENCODED = /QUOTED-PRINTABLE|BASE64|ENCODING\s*=\s*b\b|;\s*B\s*[;:]/i;

/**
 * Reads a vCard file's bytes as text, each raw 8-bit line in the charset it names.
 * `decoded` is the whole file read in one encoding, when the caller has it already.
 */
export function decodeVcardBytes(bytes: Uint8Array, decoded?: DecodedText): DecodedText {
  const whole = () => decoded ?? decodeText(bytes);
  if (!mentionsCharset(bytes) || startsWide(bytes)) return whole();
  const lines = physicalLines(bytes);
  const own = ownCharsets(bytes, lines);
  if (own.every((charset) => charset === null)) return whole();

  const rest = concat(
    lines.filter((_, i) => own[i] === null).map(([s, e]) => bytes.subarray(s, e)),
  );
  const file = decodeText(rest);
  let text = '';
  let run: Uint8Array[] = [];
  // Consecutive lines in the file's encoding decode together, so the decoder keeps its
  // state across them (a BOM at the start, a multi-byte sequence is never cut).
  const flush = () => {
    if (run.length > 0) text += new TextDecoder(file.encoding).decode(concat(run));
    run = [];
  };
  lines.forEach(([start, end], i) => {
    const charset = own[i];
    if (charset === null || charset === undefined) return void run.push(bytes.subarray(start, end));
    flush();
    text += new TextDecoder(charset).decode(bytes.subarray(start, end));
  });
  flush();
  return { ...file, text };
}

/** Whether `CHARSET=` occurs at all (most files: no, and they are read as before). */
function mentionsCharset(bytes: Uint8Array): boolean {
  // From one `=` to the next (the native search), each checked for CHARSET before it.
  for (let at = bytes.indexOf(0x3d, 7); at >= 0; at = bytes.indexOf(0x3d, at + 1))
    if (charsetEndsAt(bytes, at)) return true;
  return false;
}

const CHARSET_WORD = [0x43, 0x48, 0x41, 0x52, 0x53, 0x45, 0x54]; // CHARSET

/** Whether the 7 bytes before `end` spell CHARSET in any case. */
function charsetEndsAt(bytes: Uint8Array, end: number): boolean {
  if (end < 7 || (bytes[end - 7]! | 0x20) !== 0x63) return false;
  for (let j = 1; j < 7; j++) if ((bytes[end - 7 + j]! & ~0x20) !== CHARSET_WORD[j]) return false;
  return true;
}

/** UTF-16 (with or without a mark) says its encoding for every line alike. */
function startsWide(bytes: Uint8Array): boolean {
  const [a, b, c, d] = bytes;
  return (
    (a === 0xff && b === 0xfe) ||
    (a === 0xfe && b === 0xff) ||
    a === 0 ||
    b === 0 ||
    c === 0 ||
    d === 0
  );
}

/** `[start, end)` of each physical line, its break (CRLF, CR CR LF, LF or CR) included. */
function physicalLines(bytes: Uint8Array): [number, number][] {
  const lines: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === CR) {
      if (bytes[i + 1] === LF) i += 1;
      else if (bytes[i + 1] === CR && bytes[i + 2] === LF) i += 2;
    } else if (bytes[i] !== LF) continue;
    lines.push([start, i + 1]);
    start = i + 1;
  }
  if (start < bytes.length) lines.push([start, bytes.length]);
  return lines;
}

/**
 * For each physical line, the charset its raw 8-bit bytes are in when that is not the
 * file's: a property whose parameters name a CHARSET, not quoted-printable or base64,
 * with bytes past ASCII; its folded continuation lines go with it. `null` otherwise.
 */
function ownCharsets(bytes: Uint8Array, lines: readonly [number, number][]): (string | null)[] {
  const out: (string | null)[] = [];
  let current: string | null = null;
  for (const [start, end] of lines) {
    const first = bytes[start];
    const folded = first === 0x20 || first === 0x09;
    if (!folded) current = lineCharset(bytes.subarray(start, end));
    out.push(current !== null && !isAscii(bytes.subarray(start, end)) ? current : null);
  }
  return out;
}

function lineCharset(line: Uint8Array): string | null {
  const colon = line.indexOf(0x3a);
  if (colon < 0 || !mentionsCharsetWord(line, Math.min(colon, 500))) return null;
  const head = String.fromCharCode(...line.subarray(0, Math.min(colon, 500)));
  const charset = CHARSET.exec(head)?.[1]?.trim();
  if (!charset || ENCODED.test(head) || !knownCharset(charset)) return null;
  // Bytes that are well-formed UTF-8 are UTF-8, whatever the line claims: an exporter
  // that copies a default CHARSET onto every line says Latin-1 over UTF-8 text, while
  // Hebrew or Japanese legacy bytes practically never form valid UTF-8 by chance.
  const value = line.subarray(colon + 1);
  return !isAscii(value) && isUtf8(value) ? 'utf-8' : charset;
}

/**
 * Whether the word CHARSET (any case) is in the first `length` bytes: a line
 * without it names no charset, and is not made a string to be searched.
 */
function mentionsCharsetWord(line: Uint8Array, length: number): boolean {
  for (let at = 7; at <= length; at++) if (charsetEndsAt(line, at)) return true;
  return false;
}

function knownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

const isAscii = (bytes: Uint8Array) => bytes.every((byte) => byte < 0x80);

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
