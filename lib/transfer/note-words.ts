import { z } from 'zod';
import { lazy } from '../domain/lazy';

/*
 * What an import writes into a record's notes for what it has no field for (a card
 * line it could not read, a CSV column without a name, a website past the record's
 * last), worded in the user's language when it was imported: notes are the
 * user's own text, so these are stored as words, not codes. The worker that reads
 * a file has no catalogue (`browser.i18n` is not there), so the page sends each
 * message once as a template, worded around a slot, and the worker fills it in.
 */

export const NOTE_KEYS = [
  'text_import_cardLineNote',
  'text_import_columnName',
  'text_import_websiteNote',
] as const;
export type NoteKey = (typeof NOTE_KEYS)[number];

/** The catalogue's `t`, as far as import notes use it (lib/transfer does not reach the browser). */
export type NoteWords = (key: NoteKey, value: string) => string;

/**
 * Without a catalogue (a test, a bench): the value as it was, with no words around
 * it; a column without a name is `#3`.
 */
export const plainNotes: NoteWords = (key, value) =>
  key === 'text_import_columnName' ? `#${value}` : value;

/** Where the value goes in a template; not text a translation or `getMessage` would write. */
const SLOT = '\u2063{}\u2063';

export const NoteTemplatesSchema = lazy(() =>
  z.object(
    Object.fromEntries(NOTE_KEYS.map((key) => [key, z.string().max(500)])) as Record<
      NoteKey,
      z.ZodString
    >,
  ),
);
export type NoteTemplates = z.infer<typeof NoteTemplatesSchema>;

/** Each message worded around the slot, for the worker (the page calls this with `t`). */
export function noteTemplates(t: NoteWords): NoteTemplates {
  return Object.fromEntries(NOTE_KEYS.map((key) => [key, t(key, SLOT)])) as NoteTemplates;
}

/** The templates as words again; one without its slot (a broken catalogue) gives the value alone. */
export function wordsOfTemplates(templates: NoteTemplates | undefined): NoteWords {
  if (!templates) return plainNotes;
  return (key, value) => {
    const template = templates[key];
    return template.includes(SLOT) ? template.split(SLOT).join(value) : plainNotes(key, value);
  };
}
