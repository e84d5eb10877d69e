/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some treat a
 * leading tab or carriage return the same way) as a formula: a contact named
 * `=HYPERLINK(…)` must not become a live link in the user's spreadsheet (OWASP
 * "CSV injection"). Such cells are written with a leading apostrophe, which
 * spreadsheets show as text. Cells that already start with apostrophes before one of
 * those characters get one more, so reading strips exactly one and gives the value back.
 */
const DANGEROUS = /^'*[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return DANGEROUS.test(value) ? `'${value}` : value;
}

/** The inverse, for reading our own exports (and anyone else's guarded cells). */
export function restoreCell(value: string): string {
  return value.startsWith("'") && DANGEROUS.test(value) ? value.slice(1) : value;
}
