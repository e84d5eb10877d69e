// RFC 5322 display names, read without a full address parser: the content script uses
// this and must stay small (budgets.md), and a general parser costs ~3 KB gzip there.

// Folding white space, obsolete form included: spaces and tabs, a CRLF only before one.
const FWS = /(?:(?:\r\n)?[ \t])+/y;
// Obsolete control characters, allowed in quoted text and comments.
const CONTROL = '\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f';
// One character of an atom, of a quoted string, of a comment (RFC 6532: any non-ASCII).
const ATEXT = /[\w!#-'*+\-/=?^`{|}~\x80-\uffff]/;
const QTEXT = new RegExp(`[!#-[\\]-~\\x80-\\uffff${CONTROL}]`);
const CTEXT = new RegExp(`[!-'*-[\\]-~\\x80-\\uffff${CONTROL}]`);

/**
 * The display name in front of an angle address, as a person reads it: `"Hopper, Grace"`
 * is `Hopper, Grace`, `"Ada \"Countess\" Lovelace"` is `Ada "Countess" Lovelace`,
 * `Ada (Acme) Lovelace` is `Ada Lovelace`, `J. R. R. Tolkien` stays as it is. Nothing
 * when `phrase` is not one: an unclosed quote or comment, or a special (`,` `:` `;` `@`
 * `[` `]` `<` `>`) outside quotes.
 *
 * It reads what `email-addresses` reads as the name of `${phrase} <address>` (RFC 6532,
 * obsolete syntax allowed, quirks kept: white space after a quoted word is dropped), as
 * display-name.test.ts checks against that package on generated input.
 */
export function displayName(phrase: string): string | undefined {
  const text = `${phrase} `;
  // An obsolete address list may open with empty entries: `, Ada <ada@x.com>`.
  for (let next = cfws(text, (at = 0)); text[next] === ','; next = cfws(text, at)) at = next + 1;
  let read = word(text);
  if (read === undefined) return undefined;
  let name = '';
  // phrase = word *(word / "." / CFWS)
  while (read !== undefined) {
    name += read;
    read = word(text);
    if (read !== undefined) continue;
    const end = cfws(text, at);
    if (text[at] === '.') read = '.';
    else if (end > at) read = ' ';
    at = text[at] === '.' ? at + 1 : end;
  }
  return at < text.length ? undefined : name.replace(/(?:[ \t]|\r\n)+/g, ' ').trim();
}

/** Where the reading is: `word` moves it past what it read. */
let at = 0;

/** What the atom or quoted string at `at` says, or nothing (and `at` stays). */
function word(text: string): string | undefined {
  const start = cfws(text, at);
  let end = start;
  while (end < text.length && ATEXT.test(text[end]!)) end++;
  if (end > start) {
    const after = cfws(text, end);
    const said = (start > at ? ' ' : '') + text.slice(start, end) + (after > end ? ' ' : '');
    at = after;
    return said;
  }
  if (text[start] !== '"') return undefined;
  let said = '';
  for (end = start + 1; ;) {
    const from = fws(text, end);
    const char = text[from];
    const escaped = char === '\\' && from + 1 < text.length;
    if (!escaped && (char === undefined || !QTEXT.test(char))) break;
    said += (from > end ? ' ' : '') + text[escaped ? from + 1 : from];
    end = from + (escaped ? 2 : 1);
  }
  end = fws(text, end);
  if (text[end] !== '"') return undefined;
  at = cfws(text, end + 1);
  return said;
}

/** Past the comments and folding white space at `from` (nothing read: `from`). */
function cfws(text: string, from: number): number {
  let end = from;
  for (let next = comment(text, fws(text, end)); next > 0; next = comment(text, fws(text, end)))
    end = next;
  return fws(text, end);
}

/** Past the (possibly nested) comment at `from`, or -1. */
function comment(text: string, from: number): number {
  if (text[from] !== '(') return -1;
  let depth = 0;
  for (let i = from; ; i = fws(text, i + 1)) {
    const char = text[i];
    if (char === '(') depth++;
    else if (char === ')') {
      if (--depth === 0) return i + 1;
    } else if (char === '\\' && i + 1 < text.length) i++;
    else if (char === undefined || !CTEXT.test(char)) return -1;
  }
}

function fws(text: string, from: number): number {
  FWS.lastIndex = from;
  return FWS.test(text) ? FWS.lastIndex : from;
}
