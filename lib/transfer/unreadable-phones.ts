import { normalizePhone } from '../domain/phone';

/** The catalogue's `t`, as far as this uses it (lib/transfer does not reach the browser). */
export type PhoneNoteWords = (key: 'text_import_phoneNote', phone: string) => string;

/**
 * A row's phone that libphonenumber cannot read would make the whole row fail; it
 * is kept in the notes instead ("Phone: ext. 12 ask for Bob"), and the user is told.
 * The note is worded by `t` (the user's language when it was imported): notes are
 * the user's own text, so this is the one import word stored as words, not a code.
 */
export function keepUnreadablePhonesInNotes(
  draft: unknown,
  region: string,
  t: PhoneNoteWords,
): { draft: unknown; moved: string[] } {
  if (typeof draft !== 'object' || draft === null) return { draft, moved: [] };
  const { phones, notes } = draft as { phones?: unknown; notes?: unknown };
  if (!Array.isArray(phones) || !phones.every((p) => typeof p === 'string'))
    return { draft, moved: [] };
  const moved = phones.filter((p) => p.trim() !== '' && normalizePhone(p, region) === null);
  if (moved.length === 0) return { draft, moved };
  const text = typeof notes === 'string' ? notes : '';
  const kept = moved.map((p) => t('text_import_phoneNote', p)).join('\n');
  return {
    draft: {
      ...draft,
      phones: phones.filter((p) => !moved.includes(p)),
      notes: text ? `${text}\n${kept}` : kept,
    },
    moved,
  };
}
