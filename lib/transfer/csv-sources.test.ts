import { describe, expect, it } from 'vitest';
import { noteTemplates, wordsOfTemplates } from './note-words';
import { draftsOf, readImportFile } from './prepare-import';
import { say } from '../ui/ui-text';

/* One row per fact about CSV files people really have. */
const bytes = (text: string) => new TextEncoder().encode(text);
const source = (text: string | Uint8Array, name = 'contacts.csv') => {
  const read = readImportFile(typeof text === 'string' ? bytes(text) : text, name);
  if (!read.ok) throw new Error(read.error.message.code);
  return read.value;
};
const drafts = (text: string | Uint8Array) => draftsOf(source(text), 'customer');

const LINKEDIN = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@northwind.example,Northwind,Director,12 Mar 2024',
  'Grace,Hopper,https://www.linkedin.com/in/grace,,US Navy,Rear Admiral,01 Jan 2020',
].join('\r\n');

describe('CSV files as exporters write them', () => {
  it('LinkedIn: the Notes: preamble is skipped, lines still count from the top of the file', () => {
    const read = drafts(LINKEDIN);
    expect(read.problems).toEqual([]);
    expect(read.drafts.map((d) => [d.line, d.value.name])).toEqual([
      [5, 'Ada Lovelace'],
      [6, 'Grace Hopper'],
    ]);
    expect(read.drafts[0]!.value).toMatchObject({
      emails: ['ada@northwind.example'],
      website: 'https://www.linkedin.com/in/ada',
      organizationName: 'Northwind',
      title: 'Director',
      nameParts: { given: 'Ada', family: 'Lovelace' },
      notes: 'Connected On: 12 Mar 2024',
    });
  });

  it('Thunderbird: the display name is the name, the parts and nickname are kept', () => {
    const read = drafts(
      'First Name,Last Name,Display Name,Nickname,Primary Email,Work Phone\r\nAda,Lovelace,Countess Ada,Ada L,ada@northwind.example,+44 20 7946 0958\r\n',
    );
    expect(read.drafts[0]!.value).toMatchObject({
      name: 'Countess Ada',
      nameParts: { given: 'Ada', family: 'Lovelace' },
      nickname: 'Ada L',
      phones: ['+44 20 7946 0958'],
    });
  });

  it('a Title column beside Job Title is the honorific', () => {
    const read = drafts(
      'Title,First Name,Last Name,Job Title,E-mail\r\nDr,Ada,Lovelace,Director,ada@northwind.example\r\n',
    );
    expect(read.drafts[0]!.value).toMatchObject({
      name: 'Dr Ada Lovelace',
      title: 'Director',
      nameParts: { prefix: 'Dr', given: 'Ada', family: 'Lovelace' },
    });
  });

  it.each([
    [
      'Google',
      'Birthday,Organization Department',
      '1815-12-10,Research ::: Analytics',
      { birthday: '1815-12-10', organizationUnits: ['Research', 'Analytics'] },
      '',
    ],
    ['Google, no year', 'Birthday', '--12-10', { birthday: '--12-10' }, ''],
    [
      'Outlook, the user’s own order',
      'Birthday,Department',
      '12/10/1815,Research',
      { organizationUnits: ['Research'] },
      'Birthday: 12/10/1815',
    ],
    ['a day that is none', 'Geburtstag', '1815-13-45', {}, 'Geburtstag: 1815-13-45'],
  ])(
    '%s: a department and an unambiguous birthday are fields; any other birthday stays in the notes',
    (_, columns, cells, expected, notes) => {
      const read = drafts(`Name,E-mail,${columns}\r\nAda,ada@northwind.example,${cells}\r\n`);
      expect(read.problems).toEqual([]);
      expect(read.drafts[0]!.value).toMatchObject(expected);
      if (!('birthday' in expected)) expect(read.drafts[0]!.value.birthday).toBeUndefined();
      expect(read.drafts[0]!.value.notes).toBe(notes);
    },
  );

  it('what goes to the notes is worded in the language the page gave the worker', () => {
    const german = wordsOfTemplates(
      noteTemplates((key, value) =>
        key === 'text_import_columnName' ? `Spalte ${value}` : `Webseite: ${value}`,
      ),
    );
    const headerless = readImportFile(
      bytes('Ada Lovelace,ada@northwind.example,Stammkundin\r\n'),
      'contacts.csv',
      undefined,
      german,
    );
    if (!headerless.ok || headerless.value.format !== 'csv') throw new Error('read as CSV');
    expect(headerless.value.table.header).toEqual(['Spalte 1', 'Spalte 2', 'Spalte 3']);
    expect(draftsOf(headerless.value, 'client').drafts[0]!.value.notes).toBe(
      'Spalte 3: Stammkundin',
    );
    // A record holds 51 websites; the rest stay in the notes.
    const sites = Array.from({ length: 53 }, (_, i) => `https://site${i}.example`);
    const many = readImportFile(
      bytes(`Name,Website\r\nAda,${sites.join(' ::: ')}\r\n`),
      'contacts.csv',
      undefined,
      german,
    );
    if (!many.ok) throw new Error('read');
    expect(draftsOf(many.value, 'client').drafts[0]!.value.notes).toBe(
      'Webseite: https://site51.example\nWebseite: https://site52.example',
    );
  });

  it('a file without a header row: detected, its first row imported, a mapping offered from the data', () => {
    const file = source(
      'Ada Lovelace,ada@northwind.example,+44 20 7946 0958\r\nGrace Hopper,grace@navy.example,+1 202 555 0142\r\n',
    );
    if (file.format !== 'csv') throw new Error('read as CSV');
    expect(file.table.headerless).toBe(true);
    expect(file.table.header).toEqual(['#1', '#2', '#3']);
    expect(file.mapping).toEqual(['name', 'email', 'phone']);
    expect(draftsOf(file, 'client').drafts.map((d) => [d.line, d.value.name])).toEqual([
      [1, 'Ada Lovelace'],
      [2, 'Grace Hopper'],
    ]);
  });

  it('a file that is not a contacts file is named as such in one sentence', () => {
    const read = readImportFile(
      bytes('Date,Amount,Category\r\n2024-01-02,12.50,Food\r\n2024-01-03,80.00,Rent\r\n'),
      'budget.csv',
    );
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(say(read.error.message)).toBe(
        'This is not a contacts file: none of its columns (Date, Amount, Category) holds names, email addresses or phone numbers.',
      );
  });

  it('mixed line endings: every row read, lines counted as an editor shows them', () => {
    const read = drafts(
      'Name,E-mail\r\nAda,ada@northwind.example\nGrace,grace@navy.example\rLin,lin@example.com\r\n',
    );
    expect(read.drafts.map((d) => [d.line, d.value.name])).toEqual([
      [2, 'Ada'],
      [3, 'Grace'],
      [4, 'Lin'],
    ]);
  });

  it.each([
    ['utf-16le', true],
    ['utf-16be', false],
  ])(
    '%s without a BOM (as some Windows tools save a tab-separated file) is read',
    (encoding, le) => {
      const text = 'Name\tE-mail\r\nZoë Ångström\tzoe@example.se\r\n';
      const utf16 = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        utf16[2 * i + (le ? 0 : 1)] = unit & 0xff;
        utf16[2 * i + (le ? 1 : 0)] = unit >> 8;
      }
      const file = source(utf16);
      expect(file).toMatchObject({ encoding });
      expect(
        draftsOf(file, 'client').drafts.map((d) => [d.line, d.value.name, d.value.emails]),
      ).toEqual([[2, 'Zoë Ångström', ['zoe@example.se']]]);
    },
  );

  it.each([
    [
      'windows-1251',
      'Имя,Почта\r\nИван Петров,ivan@example.ru\r\nМария Иванова,maria@example.ru\r\n',
      'Иван Петров',
    ],
    [
      'windows-1255',
      'שם,דואל\r\nיעל כהן,yael@example.co.il\r\nדוד לוי,david@example.co.il\r\n',
      'יעל כהן',
    ],
    [
      'shift_jis',
      '名前,メール\r\n山田太郎,taro@example.jp\r\n佐藤花子,hanako@example.jp\r\n',
      '山田太郎',
    ],
  ])('a %s file is detected, not read as windows-1252', async (encoding, text, name) => {
    const { default: iconv } = await import('iconv-lite');
    const file = source(new Uint8Array(iconv.encode(text, encoding)));
    expect(file).toMatchObject({ encoding, guessed: true });
    expect(draftsOf(file, 'client').drafts[0]!.value.name).toBe(name);
  });
});
