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
}

export interface CardLines {
  /** The line of BEGIN:VCARD. */
  line: number;
  lines: LogicalLine[];
  /** False when the file ended (or another card began) before END:VCARD. */
  ended: boolean;
}

const BREAK = /\r\r\n|\r\n|\n|\r/;
const QP = /;\s*(ENCODING=)?QUOTED-PRINTABLE\s*[;:]/i;
const BASE64_21 = /;\s*(ENCODING=)?BASE64\s*[;:]/i;

/** The file's physical lines, whatever ends them. */
export function physicalLines(text: string): string[] {
  return text.split(BREAK);
}

/**
 * The cards of a file and what lies outside them (`stray`: the first non-blank
 * line before any card, which says the file is not a vCard file).
 */
export function splitCards(text: string): { cards: CardLines[]; stray?: number } {
  const physical = physicalLines(text);
  const cards: CardLines[] = [];
  let stray: number | undefined;
  let current: CardLines | undefined;
  let logical: LogicalLine | undefined;
  let mode: 'plain' | 'qp' | 'base64' = 'plain';

  const flush = () => {
    if (logical && current) current.lines.push(logical);
    logical = undefined;
    mode = 'plain';
  };
  for (let index = 0; index < physical.length; index++) {
    const raw = physical[index]!;
    const lineNo = index + 1;
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
      if (!/^[ \t]*[A-Za-z0-9+/=]+[ \t]*$/.test(raw) || /^END:VCARD$/i.test(raw.trim())) flush();
      else {
        logical.text += raw.trim();
        continue;
      }
    }
    if (logical && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      logical.text += raw.slice(1);
      continue;
    }
    flush();
    const marker = raw.trim().toUpperCase();
    if (marker === 'BEGIN:VCARD') {
      if (current) cards.push(current);
      current = { line: lineNo, lines: [], ended: false };
      continue;
    }
    if (!current) {
      if (raw.trim() !== '' && stray === undefined && cards.length === 0) stray = lineNo;
      continue;
    }
    if (marker === 'END:VCARD') {
      current.ended = true;
      cards.push(current);
      current = undefined;
      continue;
    }
    if (raw.trim() === '') continue;
    logical = { line: lineNo, text: raw };
    const head = raw.slice(0, raw.indexOf(':') + 1);
    if (QP.test(head) && raw.endsWith('=')) mode = 'qp';
    else if (BASE64_21.test(head)) mode = 'base64';
  }
  flush();
  if (current) cards.push(current);
  return stray === undefined ? { cards } : { cards, stray };
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
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return undefined;
  const head = text.slice(0, colon);
  const semi = head.indexOf(';');
  const fullName = semi < 0 ? head : head.slice(0, semi);
  const dot = fullName.indexOf('.');
  const name = (dot < 0 ? fullName : fullName.slice(dot + 1)).trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return undefined;
  const parts: LineParts = {
    name,
    params: semi < 0 ? '' : head.slice(semi + 1),
    value: text.slice(colon + 1),
  };
  if (dot >= 0) parts.group = fullName.slice(0, dot);
  return parts;
}
