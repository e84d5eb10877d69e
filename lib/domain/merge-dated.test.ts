import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, type Party } from '.';
import type { CadenceDefaults } from './cadence';
import english from '../../public/_locales/en/messages.json';
import { mergeParties as merge } from './merge';
import { englishMergeNotes, type MergeNoteKey } from './merge-dated';
import type { Party as P } from './party';

const value = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
};
const mergeParties = (a: P, b: P, cadence: CadenceDefaults) =>
  value(merge(a, b, { keep: 'newer', cadence }));
const mergeImported = (a: P, b: P, cadence: CadenceDefaults, now: number) =>
  value(merge(a, b, { keep: 'on-file', cadence, now }));

const T = Date.UTC(2026, 0, 1);
const onFile: Party = {
  id: 'a',
  type: 'person',
  name: 'Ada Lovelace',
  kind: 'client',
  kindHistory: [
    { kind: 'prospect', at: T },
    { kind: 'client', from: 'prospect', at: T + 5 },
  ],
  emails: ['ada@northwind.example'],
  phones: [],
  domains: [],
  title: 'Director',
  tags: ['vip'],
  notes: 'First note',
  createdAt: T,
  updatedAt: T + 5,
  lastInteractionAt: T + 6,
};

describe('mergeParties', () => {
  it.each([
    ['the record on file is newer', T + 1, 'Ada Lovelace', 'name “Ada King”'],
    ['the incoming record is newer', T + 9, 'Ada King', 'name “Ada Lovelace”'],
  ])(
    'when %s, its single values win and the other’s go to the notes',
    (_, updatedAt, name, noted) => {
      const incoming = {
        ...onFile,
        id: 'b',
        name: 'Ada King',
        emails: ['ada@home.example'],
        updatedAt,
      };
      const merged = mergeParties(onFile, incoming, DEFAULT_CADENCE);
      expect(merged.id).toBe('a');
      expect(merged.name).toBe(name);
      expect(merged.notes).toContain(noted);
      expect(merged.emails).toEqual(['ada@northwind.example', 'ada@home.example']);
      expect(merged.updatedAt).toBe(Math.max(onFile.updatedAt, updatedAt));
    },
  );

  it('changes nothing when merged with itself', () => {
    const same = mergeParties(onFile, onFile, DEFAULT_CADENCE);
    expect({ ...same, nextCheckInAt: undefined }).toEqual({ ...onFile, nextCheckInAt: undefined });
  });
});

describe('mergeImported', () => {
  const imported: Party = {
    ...onFile,
    id: 'new',
    name: 'A. Lovelace',
    kind: 'customer',
    kindHistory: [{ kind: 'customer', at: T + 100 }],
    phones: ['+12125550100'],
    title: undefined,
    organizationName: 'Northwind',
    tags: ['imported'],
    notes: '',
    createdAt: T + 100,
    updatedAt: T + 100,
  };

  it('keeps what is on file, fills gaps, adds contacts and tags, and leaves the history alone', () => {
    const merged = mergeImported(onFile, imported, DEFAULT_CADENCE, T + 200);
    expect(merged).toMatchObject({
      id: 'a',
      name: 'Ada Lovelace',
      kind: 'client',
      title: 'Director',
      organizationName: 'Northwind',
      phones: ['+12125550100'],
      tags: ['vip', 'imported'],
      kindHistory: onFile.kindHistory,
      updatedAt: T + 200,
    });
    expect(merged.notes).toBe('First note\n\nAlso on file: name “A. Lovelace”');
  });

  it("words what differed in the user's language, from the catalogue", () => {
    const german = (key: MergeNoteKey, v: string) =>
      key === 'text_merge_alsoOnFile' ? `Auch gespeichert: ${v}` : `Name „${v}“`;
    const merged = value(
      merge(onFile, imported, { keep: 'on-file', cadence: DEFAULT_CADENCE, now: T, words: german }),
    );
    expect(merged.notes).toBe('First note\n\nAuch gespeichert: Name „A. Lovelace“');
  });

  it('words it, where no catalogue is at hand, as the English catalogue does', () => {
    const catalogue = english as Record<string, { message: string }>;
    const keys: MergeNoteKey[] = [
      'text_merge_alsoOnFile',
      'text_merge_alsoOnFile_name',
      'text_merge_alsoOnFile_title',
      'text_merge_alsoOnFile_organization',
      'text_merge_alsoOnFile_website',
    ];
    for (const key of keys)
      expect(englishMergeNotes(key, 'X')).toBe(catalogue[key]!.message.replace(/\$[A-Z]+\$/, 'X'));
  });

  it('returns the record untouched when the row adds nothing', () => {
    const same = { ...onFile, id: 'x', kindHistory: [], updatedAt: T + 100 };
    expect(mergeImported(onFile, same, DEFAULT_CADENCE, T + 200)).toBe(onFile);
  });
});
