import Papa from 'papaparse';
import { err, ok, type Result } from '../domain/result';
import { looksBinary } from './looks-binary';
import { plainNotes, type NoteWords } from './note-words';
import { problemError, problemWarning, type ImportProblem, type ImportRow } from './problems';
import { uiText } from '../domain/ui-text';

const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvTable {
  header: string[];
  /** Data rows (blank rows left out), each with the line it starts on. */
  rows: ImportRow<string[]>[];
  delimiter: Delimiter;
  /** Rows papaparse could not read cleanly, by line. */
  problems: ImportProblem[];
  /** The first row held data, not column names: `header` is “Column 1”… and the user maps it. */
  headerless?: boolean;
}

/** More rows than any address book holds: past this the file is refused, not half-read. */
export const MAX_CSV_ROWS = 250_000;

/**
 * Reads CSV text into a header and rows, with the line each row starts on (a quoted
 * cell can span lines, so rows and lines differ). The delimiter is Papa Parse's guess
 * among comma, semicolon and tab (the one that splits the first rows into the same
 * number of cells) — Excel in many European locales writes semicolons.
 */
export function readCsv(
  text: string,
  onProgress?: (done: number, total: number) => void,
  words: NoteWords = plainNotes,
): Result<CsvTable, ImportProblem> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return err(problemError(uiText('import_file_empty')));
  if (looksBinary(body)) return err(problemError(uiText('import_not_text')));
  // LinkedIn's Connections export starts with a `Notes:` paragraph, then a blank line.
  const preamble =
    /^Notes:[^]*?(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))/i.exec(body)?.[0] ?? '';
  const skipped = preamble === '' ? 0 : countNewlines(preamble, 0, preamble.length);
  // Papaparse takes one kind of line break per file; a file edited on two systems has
  // several. Cells read every break as `\n` anyway, and lines count the same.
  const table = body.slice(preamble.length).replace(/\r\n?/g, '\n');
  let delimiter: Delimiter = ',';
  const rows: ImportRow<string[]>[] = [];
  const problems: ImportProblem[] = [];
  let header: string[] | undefined;
  let line = 1 + skipped;
  let consumed = 0;
  let tooMany = false;
  // Papa guesses from the first rows whole, so a notes cell full of `;` and quotes can
  // sway it; the first line alone (the header, as a rule) says the delimiter.
  const firstLine = table.slice(0, (table.indexOf('\n') + 1 || table.length + 1) - 1);
  const guessed = Papa.parse<string[]>(firstLine, {
    delimiter: '',
    delimitersToGuess: [...DELIMITERS],
    preview: 1,
  }).meta.delimiter;
  Papa.parse<string[]>(table, {
    delimiter: asDelimiter(guessed),
    skipEmptyLines: false,
    step: (result, parser) => {
      delimiter = asDelimiter(result.meta.delimiter);
      const startLine = line;
      const cursor = result.meta.cursor;
      // Progress in characters, every 500 rows: rows are not counted before they are read.
      if (onProgress && rows.length % 500 === 0) onProgress(cursor, table.length);
      line += countNewlines(table, consumed, cursor);
      consumed = cursor;
      for (const error of result.errors)
        // One column and no delimiter to guess: Papa says so and reads it with commas.
        if (error.code !== 'UndetectableDelimiter')
          problems.push(problemError(uiText('import_csv_unreadable_row'), { line: startLine }));
      const cells = result.data;
      if (cells.length === 0 || (cells.length === 1 && cells[0]?.trim() === '')) return;
      if (!header) {
        header = cells.map((cell) => cell.trim());
        return;
      }
      if (rows.length >= MAX_CSV_ROWS) {
        tooMany = true;
        parser.abort();
        return;
      }
      rows.push({ line: startLine, value: cells });
    },
  });
  if (tooMany) return err(problemError(uiText('import_csv_too_many_rows', { max: MAX_CSV_ROWS })));
  if (!header) return err(problemError(uiText('import_file_empty')));
  let headerless = false;
  if (looksLikeData(header)) {
    // The first row is a contact: it is imported too, and the columns get plain names.
    headerless = true;
    rows.unshift({ line: 1 + skipped, value: header });
    // Named in the user's language: the mapping table shows them, and the notes keep them.
    header = header.map((_, i) => words('text_import_columnName', String(i + 1)));
  }
  const named = header;
  for (const row of rows) {
    if (
      row.value.length > named.length &&
      row.value.slice(named.length).some((c) => c.trim() !== '')
    )
      problems.push(
        problemWarning(
          uiText('import_csv_extra_cells', { cells: row.value.length, named: named.length }),
          { line: row.line },
        ),
      );
  }
  return ok(
    headerless
      ? { header: named, rows, delimiter, problems, headerless }
      : { header: named, rows, delimiter, problems },
  );
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const looksLikeEmail = (cell: string) => EMAIL_LIKE.test(cell.trim());

/** A phone as people write one: `+` and 7 digits, or 9 digits (a date has 8). */
export function looksLikePhone(cell: string): boolean {
  const text = cell.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, '').length;
  return text.startsWith('+') ? digits >= 7 : digits >= 9;
}

/** A first row with an address or a phone number in it is a contact, not column names. */
export function looksLikeData(cells: readonly string[]): boolean {
  return cells.some((cell) => looksLikeEmail(cell) || looksLikePhone(cell));
}

const asDelimiter = (guessed: string): Delimiter =>
  DELIMITERS.find((delimiter) => delimiter === guessed) ?? ',';

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const char = text.charCodeAt(i);
    // CRLF counts once; a lone CR (old Mac files) counts as a line break too.
    if (char === 10 || (char === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}
