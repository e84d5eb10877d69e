import Papa from 'papaparse';
import { err, ok, type Result } from '../domain/result';
import { looksBinary } from './decode';
import { problemError, problemWarning, type ImportProblem, type ImportRow } from './problems';

const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvTable {
  header: string[];
  /** Data rows (blank rows left out), each with the line it starts on. */
  rows: ImportRow<string[]>[];
  delimiter: Delimiter;
  /** Rows papaparse could not read cleanly, by line. */
  problems: ImportProblem[];
}

/** More rows than any address book holds: past this the file is refused, not half-read. */
export const MAX_CSV_ROWS = 250_000;

/**
 * Reads CSV text into a header and rows, with the line each row starts on (a quoted
 * cell can span lines, so rows and lines differ). The delimiter is Papa Parse's guess
 * among comma, semicolon and tab (the one that splits the first rows into the same
 * number of cells) — Excel in many European locales writes semicolons.
 */
export function readCsv(text: string): Result<CsvTable, ImportProblem> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return err(problemError('The file is empty.'));
  if (looksBinary(body))
    return err(
      problemError(
        'This file is not text (is it a spreadsheet or an image? Save it as CSV first).',
      ),
    );
  let delimiter: Delimiter = ',';
  const rows: ImportRow<string[]>[] = [];
  const problems: ImportProblem[] = [];
  let header: string[] | undefined;
  let line = 1;
  let consumed = 0;
  let tooMany = false;
  Papa.parse<string[]>(body, {
    delimiter: '',
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: false,
    step: (result, parser) => {
      delimiter = asDelimiter(result.meta.delimiter);
      const startLine = line;
      const cursor = result.meta.cursor;
      line += countNewlines(body, consumed, cursor);
      consumed = cursor;
      for (const error of result.errors)
        // One column and no delimiter to guess: Papa says so and reads it with commas.
        if (error.code !== 'UndetectableDelimiter')
          problems.push(problemError(`${error.message}.`, { line: startLine }));
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
  if (tooMany)
    return err(
      problemError(
        `The file has more than ${MAX_CSV_ROWS.toLocaleString('en')} rows; split it into smaller files.`,
      ),
    );
  if (!header) return err(problemError('The file is empty.'));
  for (const row of rows) {
    if (
      row.value.length > header.length &&
      row.value.slice(header.length).some((c) => c.trim() !== '')
    )
      problems.push(
        problemWarning(
          `this row has ${row.value.length} cells but the header names ${header.length}; the extra cells are not imported.`,
          { line: row.line },
        ),
      );
  }
  return ok({ header, rows, delimiter, problems });
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
