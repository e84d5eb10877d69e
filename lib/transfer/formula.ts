/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some treat a
 * leading tab or carriage return the same way) as a formula: a contact named
 * `=HYPERLINK(…)` must not become a live link in the user's spreadsheet (OWASP
 * "CSV injection"). Such cells are written with a leading apostrophe, which
 * spreadsheets show as text. Cells that already start with apostrophes before one of
 * those characters get one more, so reading strips exactly one and gives the value back.
 */
// Full-width ＝＋－＠ too: spreadsheets in East Asian locales read them as the ASCII ones.
const DANGEROUS = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A phone as the store keeps it (E.164): a contacts app must get it without an apostrophe. */
const STORED_PHONE = /^\+[1-9]\d{6,14}(;ext=\d{1,10})?$/;

/**
 * For the Google and Outlook layouts, meant for contacts apps: a valid phone number
 * is written as is (`+44…`, no guard apostrophe the app would keep), every other
 * cell a spreadsheet would run is guarded.
 */
export function neutralizeContactCell(value: string, isPhone: boolean): string {
  return isPhone && STORED_PHONE.test(value) ? value : neutralizeCell(value);
}

export function neutralizeCell(value: string): string {
  return DANGEROUS.test(value) ? `'${value}` : value;
}

/** The inverse, for reading our own exports (and anyone else's guarded cells). */
export function restoreCell(value: string): string {
  return value.startsWith("'") && DANGEROUS.test(value) ? value.slice(1) : value;
}
