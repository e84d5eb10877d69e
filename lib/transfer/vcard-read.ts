import type { PartyDraft } from '../domain/party';
import type { RelationshipKind } from '../domain/relationship';
import { looksBinary } from './looks-binary';
import type { NoteWords } from './note-words';
import { readCard } from './vcard-card';
import { eachCard } from './vcard-lines';
import { problemError, problemWarning, type ImportProblem, type ImportRow } from './problems';
import { uiText, type UiText } from '../domain/ui-text';

export interface VcardsRead {
  drafts: ImportRow<PartyDraft>[];
  problems: ImportProblem[];
  /** Lines of the cards whose relationship the file itself says (X-CLIENTELE-KIND). */
  kindFromFile: Set<number>;
}

export const MAX_CARDS = 250_000;

/** How far reading has come: `done` of `total` (cards, or characters of a CSV file). */
export type ReadProgress = (done: number, total: number) => void;
/** Often enough for a progress bar to move smoothly, rarely enough to cost nothing. */
const PROGRESS_EVERY = 500;

/**
 * Reads every vCard in a file — 2.1 (Android, Outlook, Windows), 3.0 and 4.0 — into
 * party drafts, each with the line its card starts on. Each property is parsed on
 * its own by ical.js (2.1 lines rewritten as 3.0 first: vcard-legacy.ts), so a
 * broken card is listed and the others still import, and a value that cannot be
 * read costs only itself: it is kept with the card and named, with its line, as a
 * warning. Properties Clientele has no field for are kept verbatim and written
 * back on export; a line that is no property goes to the notes, worded by `words`.
 */
export function readVcards(
  text: string,
  defaultKind: RelationshipKind,
  onProgress?: ReadProgress,
  words?: NoteWords,
): VcardsRead {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const problems: ImportProblem[] = [];
  const drafts: ImportRow<PartyDraft>[] = [];
  const kindFromFile = new Set<number>();
  const none = (message: UiText) => ({ drafts, kindFromFile, problems: [problemError(message)] });
  if (body.trim() === '') return none(uiText('import_file_empty'));
  if (looksBinary(body)) return none(uiText('import_vcard_not_text'));

  // The progress bar's total: cards are read as they are split off, so their number
  // is known only at the end; BEGIN lines counted up front are near enough to move it.
  const expected = countBegins(body);
  let count = 0;
  const { stray } = eachCard(body, (card) => {
    const index = count++;
    if (onProgress && index % PROGRESS_EVERY === 0) onProgress(index, Math.max(expected, count));
    if (!card.ended) {
      problems.push(
        problemError(uiText(card.followed ? 'import_vcard_no_end' : 'import_vcard_cut_short'), {
          line: card.line,
        }),
      );
      return true;
    }
    if (drafts.length >= MAX_CARDS) {
      problems.push(
        problemError(uiText('import_vcard_too_many', { max: MAX_CARDS }), {
          line: card.line,
        }),
      );
      return false;
    }
    const read = readCard(card, defaultKind, words);
    for (const warning of read.warnings)
      problems.push(problemWarning(warning.message, { line: warning.line }));
    if ('error' in read) problems.push(problemError(read.error, { line: card.line }));
    else {
      drafts.push(
        read.phoneLines
          ? { line: card.line, value: read.draft, phoneLines: read.phoneLines }
          : { line: card.line, value: read.draft },
      );
      if (read.kindFromFile) kindFromFile.add(card.line);
    }
    return true;
  });
  // Before the cards' own problems, as the file's first line comes before them.
  if (stray !== undefined)
    problems.unshift(
      problemError(uiText('import_vcard_not_vcard'), {
        line: stray,
      }),
    );
  onProgress?.(count, count);
  if (count === 0 && problems.length === 0)
    problems.push(problemError(uiText('import_vcard_no_cards')));
  // In the order of the file: a card's own error before its values' warnings.
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { drafts, problems, kindFromFile };
}

/** Lines that begin a card, as a first guess at how many there are. */
function countBegins(text: string): number {
  let count = 0;
  const begin = /^[ \t]*BEGIN:VCARD/gim;
  while (begin.exec(text)) count++;
  return count;
}
