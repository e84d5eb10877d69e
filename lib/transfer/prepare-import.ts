import type { RelationshipKind } from '../domain/relationship';
import { err, ok, type Result } from '../domain/result';
import {
  detectLayout,
  mapsAContact,
  suggestMapping,
  suggestMappingFromData,
  type CsvField,
  type CsvLayout,
} from './csv-layouts';
import { looksLikeData, readCsv, type CsvTable } from './csv-read';
import { draftsFromRows, type DraftsFromRows } from './csv-rows';
import { decodeText, type TextEncodingName } from './decode';
import type { NoteWords } from './note-words';
import { problemError, type ImportProblem } from './problems';
import { decodeVcardBytes } from './vcard-bytes';
import { readVcards, type ReadProgress, type VcardsRead } from './vcard-read';
import { uiText } from '../domain/ui-text';

/** Bigger than any address book export we have seen; past it the page would struggle. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export type ImportSource =
  | {
      format: 'csv';
      encoding: TextEncodingName;
      /** The encoding is the detector's guess: the preview says so. */
      guessed: boolean;
      table: CsvTable;
      layout: CsvLayout;
      mapping: CsvField[];
      /** How the rows' notes word what has no field (the page's language). */
      words?: NoteWords;
    }
  | {
      format: 'vcard';
      encoding: TextEncodingName;
      guessed: boolean;
      /** Read once when the file is picked: a choice in the preview never reads it again. */
      read: VcardsRead;
    };

/** Reads a picked file as CSV or vCard (by its name, or by what it starts with). */
export function readImportFile(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: ReadProgress,
  words?: NoteWords,
): Result<ImportSource, ImportProblem> {
  if (bytes.length === 0) return err(problemError(uiText('import_file_empty')));
  if (bytes.length > MAX_IMPORT_BYTES) return err(problemError(uiText('import_file_too_large')));
  const cardByName = /\.(vcf|vcard)$/i.test(fileName);
  let decoded = cardByName ? decodeVcardBytes(bytes) : decodeText(bytes);
  const looksLikeCard = cardByName || /^\uFEFF?\s*BEGIN:VCARD/i.test(decoded.text.slice(0, 200));
  // A card file under another name: its lines may name their own charsets too.
  if (looksLikeCard && !cardByName) decoded = decodeVcardBytes(bytes, decoded);
  const { text, encoding, guessed } = decoded;
  // The relationship is applied per preview choice (draftsOf), not here.
  if (looksLikeCard)
    return ok({
      format: 'vcard',
      encoding,
      guessed,
      read: readVcards(text, 'prospect', onProgress, words),
    });
  const table = readCsv(text, onProgress, words);
  if (!table.ok) return table;
  const { header, rows, headerless } = table.value;
  const sample = rows.slice(0, 20).map((row) => row.value);
  const byName = suggestMapping(header);
  if (!headerless && !mapsAContact(byName) && !sample.some(looksLikeData))
    return err(
      problemError(
        uiText('import_not_contacts', {
          columns: `${header.slice(0, 4).join(', ')}${header.length > 4 ? '…' : ''}`,
        }),
      ),
    );
  // Columns named in a language the rules do not know are mapped by what they hold.
  const mapping = headerless || !mapsAContact(byName) ? suggestMappingFromData(sample) : byName;
  return ok({
    format: 'csv',
    encoding,
    guessed,
    table: table.value,
    layout: detectLayout(header),
    mapping,
    ...(words ? { words } : {}),
  });
}

/** The drafts a source gives with this mapping and default relationship, and every problem. */
export function draftsOf(
  source: ImportSource,
  kind: RelationshipKind,
  mapping?: readonly CsvField[],
): DraftsFromRows {
  if (source.format === 'vcard') {
    const { drafts, problems, kindFromFile } = source.read;
    return {
      drafts: drafts.map((row) =>
        kindFromFile.has(row.line) ? row : { ...row, value: { ...row.value, kind } },
      ),
      problems,
    };
  }
  const read = draftsFromRows(
    source.table.header,
    source.table.rows,
    mapping ?? source.mapping,
    kind,
    source.words,
  );
  // A row the CSV reader could not read cleanly (an unclosed quote) is not imported half-read.
  const broken = new Set(
    source.table.problems.filter((p) => p.severity === 'error').map((p) => p.line),
  );
  return {
    drafts: read.drafts.filter((d) => !broken.has(d.line)),
    problems: [...source.table.problems, ...read.problems].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0),
    ),
  };
}
