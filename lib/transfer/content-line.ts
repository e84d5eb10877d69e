/**
 * Content lines as vCard (RFC 6350) and iCalendar (RFC 5545) write them: text
 * escaped, lines folded at 75 octets (never inside a UTF-8 sequence or a surrogate
 * pair), CRLF between lines. Written by hand because ical.js folds at 75
 * characters, not octets, and mis-escapes a backslash before a semicolon in
 * structured values.
 */

const encoder = new TextEncoder();

/** Escapes a TEXT value: backslash, line breaks, and (for lists and structures) `,` and `;`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\n|\r/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

/** The inverse of escapeText, for a value no parser has read (an X-ABLabel). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) =>
    char === 'n' || char === 'N' ? '\n' : char,
  );
}

/** Folds one logical line so no physical line exceeds 75 octets (CRLF not counted). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      // Continuation lines start with one space, which counts toward their 75.
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Joins logical lines into a file: each folded, each ended by CRLF. */
export function toContentLines(lines: readonly string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
