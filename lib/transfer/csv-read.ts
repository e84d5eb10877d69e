import Papa from 'papaparse';
import { err, ok, type Result } from '../domain/result';
import { looksBinary } from './decode';
import { problemError, problemWarning, type ImportProblem, type ImportRow } from './problems';

export type Delimiter = ',' | ';' | '\t';

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
 * cell can span lines, so rows and lines differ). The delimiter is whichever of
 * comma, semicolon or tab the header line uses most, outside quotes — Excel in
 * many European locales writes semicolons.
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
  const delimiter = detectDelimiter(body);

  const rows: ImportRow<string[]>[] = [];
  const problems: ImportProblem[] = [];
  let header: string[] | undefined;
  let line = 1;
  let consumed = 0;
  let tooMany = false;
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      const startLine = line;
      const cursor = result.meta.cursor;
      line += countNewlines(body, consumed, cursor);
      consumed = cursor;
      for (const error of result.errors)
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

export function detectDelimiter(text: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const char = text.charCodeAt(i);
    // CRLF counts once; a lone CR (old Mac files) counts as a line break too.
    if (char === 10 || (char === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}
