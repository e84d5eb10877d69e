import { describe, expect, it } from 'vitest';
import type { PartyDraft } from '../domain/party';
import { draftsOf, readImportFile } from './prepare-import';
import { decodeVcardBytes } from './vcard-bytes';

/*
 * vCard 2.1 files in which one property names its own CHARSET over raw 8-bit bytes
 * (no quoted-printable), the rest of the file in another encoding. The bytes are
 * written out by hand, as the exporters write them.
 */
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
const utf8 = (text: string) => [...new TextEncoder().encode(text)];

/** A 2.1 card: N in `charset` as raw `name` bytes, a note in the file's own encoding. */
function card(charset: string, name: number[], note: number[], end = '\r\n'): Uint8Array {
  return Uint8Array.from([
    ...ascii(`BEGIN:VCARD${end}VERSION:2.1${end}N;CHARSET=${charset}:`),
    ...name,
    ...ascii(`;${end}FN;CHARSET=${charset}:`),
    ...name,
    ...ascii(`${end}NOTE:`),
    ...note,
    ...ascii(`${end}EMAIL;INTERNET:someone@example.com${end}END:VCARD${end}`),
  ]);
}

const GRUESSE = utf8('Grüße aus Köln');
// “Voilà déjà l'été à Genève, où l'on fête Noël près du lac” in windows-1252.
const LATIN = [
  ...ascii('Voil'),
  0xe0,
  ...ascii(' d'),
  0xe9,
  ...ascii('j'),
  0xe0,
  ...ascii(" l'"),
  0xe9,
  ...ascii('t'),
  0xe9,
  ...ascii(' '),
  0xe0,
  ...ascii(' Gen'),
  0xe8,
  ...ascii('ve, o'),
  0xf9,
  ...ascii(" l'on f"),
  0xea,
  ...ascii('te No'),
  0xeb,
  ...ascii('l pr'),
  0xe8,
  ...ascii('s du lac'),
];

const drafted = (bytes: Uint8Array): PartyDraft => {
  const read = readImportFile(bytes, 'contacts.vcf');
  if (!read.ok) throw new Error(read.error.message.code);
  const draft = draftsOf(read.value, 'prospect').drafts[0]?.value;
  if (!draft) throw new Error('no card');
  return draft;
};

describe('a raw 8-bit line in its own CHARSET, the rest of the file in another encoding', () => {
  it.each<[string, string, number[], string, number[], string]>([
    [
      'windows-1255 (Outlook, Hebrew)',
      'windows-1255',
      [0xf9, 0xec, 0xe5, 0xed],
      'שלום',
      GRUESSE,
      'Grüße aus Köln',
    ],
    [
      'Shift_JIS (Japanese phones)',
      'SHIFT_JIS',
      [0x8e, 0x52, 0x93, 0x63],
      '山田',
      GRUESSE,
      'Grüße aus Köln',
    ],
    [
      'windows-1252',
      'windows-1252',
      [0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0xc6, 0x62, 0x79],
      'Müller Æby',
      GRUESSE,
      'Grüße aus Köln',
    ],
    [
      'ISO-8859-2 (Polish)',
      'ISO-8859-2',
      [0xa3, 0xf3, 0x64, 0xbc],
      'Łódź',
      GRUESSE,
      'Grüße aus Köln',
    ],
    [
      'ISO-8859-5 (Cyrillic)',
      'ISO-8859-5',
      [0xb8, 0xd2, 0xd0, 0xdd],
      'Иван',
      GRUESSE,
      'Grüße aus Köln',
    ],
    [
      'ISO-8859-7 (Greek)',
      'ISO-8859-7',
      [0xcd, 0xdf, 0xea, 0xef, 0xf2],
      'Νίκος',
      GRUESSE,
      'Grüße aus Köln',
    ],
    [
      'UTF-8 in a windows-1252 file',
      'UTF-8',
      utf8('Ελένη'),
      'Ελένη',
      LATIN,
      "Voilà déjà l'été à Genève, où l'on fête Noël près du lac",
    ],
  ])('%s', (_, charset, nameBytes, name, noteBytes, note) => {
    const draft = drafted(card(charset, nameBytes, noteBytes));
    expect(draft.nameParts?.family).toBe(name);
    expect(draft.name).toBe(name);
    expect(draft.notes).toBe(note);
    expect(draft.emails).toEqual(['someone@example.com']);
  });

  it.each([
    ['CR LF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
    ['CR CR LF', '\r\r\n'],
  ])('whatever ends the lines (%s)', (_, end) => {
    const draft = drafted(card('windows-1255', [0xf9, 0xec, 0xe5, 0xed], GRUESSE, end));
    expect([draft.name, draft.notes]).toEqual(['שלום', 'Grüße aus Köln']);
  });

  it('a folded continuation of such a line is in the same charset', () => {
    const bytes = Uint8Array.from([
      ...ascii('BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Dana\r\nNOTE;CHARSET=windows-1255:'),
      0xf9,
      0xec,
      ...ascii('\r\n '),
      0xe5,
      0xed,
      ...ascii('\r\nEND:VCARD\r\n'),
    ]);
    expect(decodeVcardBytes(bytes).text).toContain('NOTE;CHARSET=windows-1255:של\r\n ום');
  });

  it('leaves quoted-printable lines to the 2.1 reader, and a line of valid UTF-8 is UTF-8', () => {
    const bytes = Uint8Array.from([
      ...ascii('BEGIN:VCARD\r\nVERSION:2.1\r\n'),
      ...ascii('N;CHARSET=windows-1255;ENCODING=QUOTED-PRINTABLE:=F9=EC=E5=ED;\r\n'),
      ...ascii('FN;CHARSET=ISO-8859-1:'),
      ...utf8('Zoë Brontë'),
      ...ascii('\r\nEND:VCARD\r\n'),
    ]);
    const draft = drafted(bytes);
    expect(draft.nameParts?.family).toBe('שלום');
    expect(draft.name).toBe('Zoë Brontë');
  });

  it('reads a file that names no charset exactly as before', () => {
    const bytes = Uint8Array.from([
      ...ascii('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:'),
      ...GRUESSE,
      ...ascii('\r\nEND:VCARD\r\n'),
    ]);
    expect(decodeVcardBytes(bytes)).toEqual({
      text: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grüße aus Köln\r\nEND:VCARD\r\n',
      encoding: 'utf-8',
      bom: false,
      guessed: false,
    });
  });
});
