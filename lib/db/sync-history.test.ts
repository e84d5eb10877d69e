// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogueSchema, formatMessage } from '../i18n/catalogue';
import {
  SYNC_NOTE_KEYS,
  englishNotes,
  keptAfterDeletionNote,
  keptNote,
  notesIn,
  type SyncNoteWords,
} from './sync-history';

const catalogue = (locale: string) =>
  CatalogueSchema.parse(
    JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as unknown,
  );
const wordsOf =
  (locale: string): SyncNoteWords =>
  (key, substitutions) =>
    formatMessage(catalogue(locale), key, substitutions);

const conflict = { field: 'notes', kept: 'Call in May', replaced: '', winner: 'remote' as const };

describe('the sync history notes', () => {
  it('say in English what the catalogue says, value for value', () => {
    const values = ['one', 'two', 'three', 'four'];
    for (const key of SYNC_NOTE_KEYS)
      expect(wordsOf('en')(key, values), key).toBe(englishNotes(key, values));
  });

  it('name the field, who changed it, what it now holds and what it held', () => {
    expect(keptNote('followUp', [conflict], 'sam')).toEqual([
      'Sync: follow-up notes changed on the server by sam to “Call in May”, edited later than here. Kept from this device: it was “(empty)”.',
    ]);
    expect(keptAfterDeletionNote('party', 'server', 'robin')).toBe(
      'This record was deleted on the server but changed on this device (robin) since the last sync, so it was kept. Remove the “Kept after a deletion” tag once you have decided.',
    );
  });

  it('are written in the user’s language when a catalogue is given', () => {
    const german = notesIn(wordsOf('de'));
    const [note] = keptNote('interaction', [conflict], 'sam', german);
    expect(note).toContain('sam');
    expect(note).toContain('„Call in May“');
    expect(note).not.toContain('changed on the server');
    expect(keptAfterDeletionNote('followUp', 'here', 'sam', german)).toContain(
      german('sync_kept_tag'),
    );
  });

  it('fall back to English for a key the catalogue does not answer', () => {
    expect(notesIn(() => '')('sync_kept_tag')).toBe('Kept after a deletion');
  });
});
