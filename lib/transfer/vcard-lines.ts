/*
 * A vCard file as logical lines, each with the line of the file it starts on.
 * Every exporter's line endings are read: CRLF, LF, CR alone, and the CR CR LF some
 * Windows tools write (one break, not two). Three ways a value continues on the
 * next physical line are joined here, before any parser sees it:
 * - folding (3.0/4.0, and most 2.1 writers): the next line starts with a space or tab;
 * - quoted-printable soft breaks (2.1): the line ends with `=`;
 * - 2.1 BASE64 values (Outlook's and Android's photos): the data runs on, indented
 *   or not, until a blank line.
 */

export interface LogicalLine {
  /** 1-based line of the file the property starts on. */
  line: number;
  /** The property unfolded, as written. */
  text: string;
  /**
   * Set by the card reader when it splits the line (undefined: not a property), on
   * this object rather than a new one per line.
   */
  parts?: LineParts;
}

export interface CardLines {
  /** The line of BEGIN:VCARD. */
  line: number;
  lines: LogicalLine[];
  /** False when the file ended (or another card began) before END:VCARD. */
  ended: boolean;
  /** An unended card another card follows (rather than the end of the file). */
  followed?: boolean;
}

const QP = /;\s*(ENCODING=)?QUOTED-PRINTABLE\s*[;:]/i;
const BASE64_21 = /;\s*(ENCODING=)?BASE64\s*[;:]/i;
const BASE64_DATA = /^[ \t]*[A-Za-z0-9+/=]+[ \t]*$/;
const CR = 13;
const LF = 10;

/**
 * Whether a physical line may be blank or a BEGIN/END marker, which only a line
 * starting with white space (or anything past ASCII), `BE` or `EN` can be. Every
 * other line is a property and skips the trim and upper-casing that telling them
 * apart costs.
 */
function mayBeMarker(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (!(first > 0x20 && first < 0x7f)) return true;
  const lower = first | 0x20;
  if (lower === 0x62) return (raw.charCodeAt(1) | 0x20) === 0x65;
  if (lower === 0x65) return (raw.charCodeAt(1) | 0x20) === 0x6e;
  return false;
}

/**
 * Splits a file into cards and hands each to `onCard` as soon as it ends, so a big
 * file's lines are read and dropped card by card rather than all held at once.
 * `onCard` returns false to stop. Returns `stray`: the first non-blank line before
 * any card, which says the file is not a vCard file. The file is walked once by
 * index: a physical line is cut out of it only to become (part of) a logical line.
 */
export function eachCard(
  text: string,
  onCard: (card: CardLines) => boolean | void,
): { stray?: number } {
  let emitted = 0;
  let stopped = false;
  let stray: number | undefined;
  let current: CardLines | undefined;
  let logical: LogicalLine | undefined;
  let mode: 'plain' | 'qp' | 'base64' = 'plain';
  const emit = (card: CardLines) => {
    emitted++;
    if (onCard(card) === false) stopped = true;
  };
  const flush = () => {
    if (logical && current) current.lines.push(logical);
    logical = undefined;
    mode = 'plain';
  };
  const length = text.length;
  let start = 0;
  let lineNo = 0;
  // The next LF and the next CR at or after `start` (-1: none left), found by the
  // native search rather than a loop over every character of the file.
  let lf = -2;
  let cr = -2;
  // One more line than breaks: a file ending in a break ends with an empty line.
  while (start <= length && !stopped) {
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    let end: number;
    let next: number;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      end = cr;
      // CRLF, or the CR CR LF some Windows tools write (one break), or CR alone.
      if (text.charCodeAt(end + 1) === LF) next = end + 2;
      else if (text.charCodeAt(end + 1) === CR && text.charCodeAt(end + 2) === LF) next = end + 3;
      else next = end + 1;
    } else if (lf >= 0) {
      end = lf;
      next = end + 1;
    } else {
      end = length;
      next = length + 1;
    }
    const raw = text.slice(start, end);
    start = next;
    lineNo++;
    if (logical && mode === 'qp') {
      // A soft break: the `=` goes, the next line is the value's continuation.
      logical.text = logical.text.slice(0, -1) + raw;
      if (!raw.endsWith('=')) mode = 'plain';
      continue;
    }
    if (logical && mode === 'base64') {
      if (raw.trim() === '') {
        flush();
        continue;
      }
      if (!BASE64_DATA.test(raw) || /^END:VCARD$/i.test(raw.trim())) flush();
      else {
        logical.text += raw.trim();
        continue;
      }
    }
    const first = raw.charCodeAt(0);
    if (logical && (first === 0x20 || first === 0x09)) {
      logical.text += raw.slice(1);
      continue;
    }
    flush();
    const trimmed = mayBeMarker(raw) ? raw.trim() : undefined;
    const marker = trimmed?.toUpperCase();
    if (marker === 'BEGIN:VCARD') {
      if (current) {
        current.followed = true;
        emit(current);
      }
      current = { line: lineNo, lines: [], ended: false };
      continue;
    }
    if (!current) {
      if (trimmed !== '' && stray === undefined && emitted === 0) stray = lineNo;
      continue;
    }
    if (marker === 'END:VCARD') {
      current.ended = true;
      emit(current);
      current = undefined;
      continue;
    }
    if (trimmed === '') continue;
    logical = { line: lineNo, text: raw, parts: undefined };
    // Only a line with parameters (a `;` before its colon) can name an encoding.
    const semi = raw.indexOf(';');
    if (semi < 0) continue;
    const colon = raw.indexOf(':');
    if (colon < semi) continue;
    const head = raw.slice(0, colon + 1);
    if (QP.test(head) && raw.endsWith('=')) mode = 'qp';
    else if (BASE64_21.test(head)) mode = 'base64';
  }
  if (!stopped) {
    flush();
    if (current) emit(current);
  }
  return stray === undefined ? {} : { stray };
}

/** A logical line's group, name, parameter text and value, split where the syntax says. */
export interface LineParts {
  group?: string;
  /** Upper case. */
  name: string;
  /** Everything between the name and the value's colon, without the leading `;`. */
  params: string;
  value: string;
}

export function splitLine(text: string): LineParts | undefined {
  const colon = valueColon(text);
  if (colon < 0) return undefined;
  let semi = text.indexOf(';');
  if (semi > colon) semi = -1;
  const nameEnd = semi < 0 ? colon : semi;
  let dot = text.indexOf('.');
  if (dot >= nameEnd) dot = -1;
  const name = nameOf(text, dot + 1, nameEnd);
  if (name === undefined) return undefined;
  const parts: LineParts = {
    name,
    params: semi < 0 ? '' : text.slice(semi + 1, colon),
    value: text.slice(colon + 1),
  };
  if (dot >= 0) parts.group = text.slice(0, dot);
  return parts;
}

/** Where the value starts: the first colon outside double quotes, or -1. */
function valueColon(text: string): number {
  const colon = text.indexOf(':');
  const quote = text.indexOf('"');
  // No quote before the first colon (nearly every line): that colon is the one.
  if (quote < 0 || colon < quote) return colon;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return i;
  }
  return -1;
}

/**
 * The property name in `text[start, end)`, upper case, or undefined when it is not
 * one. A name of ASCII letters, digits and hyphens (nearly all) is taken as it is,
 * without the trim, case change and pattern test every other one goes through.
 */
function nameOf(text: string, start: number, end: number): string | undefined {
  let lower = false;
  let plain = end > start;
  for (let i = start; i < end && plain; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) lower = true;
    else plain = (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
  }
  if (plain) {
    const name = text.slice(start, end);
    return lower ? name.toUpperCase() : name;
  }
  const name = text.slice(start, end).trim().toUpperCase();
  return /^[A-Z0-9-]+$/.test(name) ? name : undefined;
}
