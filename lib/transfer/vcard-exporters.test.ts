import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newParty, PartyDraftSchema, PartySchema, type PartyDraft } from '../domain';
import { DEFAULT_CADENCE } from '../domain/cadence';
import { decodeText } from './decode';
import { readVcards } from './vcard-read';
import { partiesToVcards } from './vcard-write';
import { say, wordProblems } from '../ui/ui-text';

/*
 * One row per fact about a real exporter's cards (fixtures written for these
 * tests in tests/fixtures/transfer/, byte for byte as those exporters write them).
 */
const read = (file: string) => {
  const bytes = new Uint8Array(readFileSync(`tests/fixtures/transfer/${file}`));
  const decoded = decodeText(bytes);
  return { ...readVcards(decoded.text, 'prospect'), encoding: decoded.encoding };
};
const card = (file: string, index: number) => read(file).drafts[index]?.value as PartyDraft;

describe('cards from every exporter family', () => {
  it.each<[string, string, number, Partial<PartyDraft>]>([
    [
      'Android 2.1: QP UTF-8 with a soft break in N',
      'android-21.vcf',
      0,
      { nameParts: { family: 'Петров', given: 'Иван' } },
    ],
    ['Android 2.1: QP FN', 'android-21.vcf', 0, { name: 'Иван Петров' }],
    [
      'Android 2.1: bare TEL;CELL;VOICE is a mobile',
      'android-21.vcf',
      0,
      {
        phoneLabels: [
          { value: '+7 912 345-67-89', types: ['mobile'] },
          { value: '+7 495 123-45-67', types: ['work'] },
        ],
      },
    ],
    [
      'Android 2.1: EMAIL;INTERNET;PREF comes first',
      'android-21.vcf',
      0,
      { emails: ['ivan@example.ru', 'ivan.home@example.ru'] },
    ],
    [
      'Android 2.1: a QP note keeps its line break and comma',
      'android-21.vcf',
      0,
      { notes: 'Первая строка\nвторая, с запятой' },
    ],
    [
      'Android 2.1: a BASE64 photo ended by a blank line',
      'android-21.vcf',
      0,
      {
        photo: {
          mediaType: 'image/jpeg',
          data: Buffer.from(new Uint8Array(768).map((_, i) => i % 256)).toString('base64'),
        },
      },
    ],
    [
      'Android 2.1: its own X- property is kept verbatim',
      'android-21.vcf',
      0,
      { cardProperties: ['X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Ваня;1;;;;;;;;;;;;;'] },
    ],
    [
      'Android 2.1: john@localhost is kept with the card',
      'android-21.vcf',
      1,
      { name: 'Jo Smith', emails: [], cardProperties: ['EMAIL;TYPE=INTERNET:john@localhost'] },
    ],
    [
      'Outlook 2.1: windows-1255 QP name',
      'outlook-21-windows-1255.vcf',
      0,
      { name: 'יעל כהן', nameParts: { family: 'כהן', given: 'יעל' } },
    ],
    [
      'Outlook 2.1: ORG with its department',
      'outlook-21-windows-1255.vcf',
      0,
      { organizationName: 'מגדלי הים', organizationUnits: ['שיווק'] },
    ],
    [
      'Outlook 2.1: TEL;WORK;FAX is a work fax',
      'outlook-21-windows-1255.vcf',
      0,
      {
        phoneLabels: [
          { value: '+972 3 555 0101', types: ['work'] },
          { value: '+972 3 555 0102', types: ['work', 'fax'] },
        ],
      },
    ],
    [
      'Outlook 2.1: LABEL without ADR is the address',
      'outlook-21-windows-1255.vcf',
      0,
      { addresses: [{ types: ['work'], street: 'רחוב הרצל 1\nתל אביב' }] },
    ],
    [
      'Outlook 2.1: an Exchange X400 address is kept, not refused',
      'outlook-21-windows-1255.vcf',
      0,
      {
        emails: ['yael@example.co.il'],
        cardProperties: [
          'EMAIL;TYPE=X400:/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=yael',
        ],
      },
    ],
    [
      'Outlook 2.1: BDAY in basic format',
      'outlook-21-windows-1255.vcf',
      0,
      { birthday: '1985-04-12' },
    ],
    [
      'Windows Address Book: UTF-16 LE with a BOM, QP ISO-8859-1 address',
      'wab-utf16le.vcf',
      0,
      {
        name: 'Zoë Ångström',
        addresses: [
          {
            types: ['work'],
            street: 'Storgatan 1',
            locality: 'Göteborg',
            postalCode: '411 38',
            country: 'Sverige',
          },
        ],
      },
    ],
    [
      'Windows Address Book: UTF-16 BE without a BOM',
      'wab-utf16be-nobom.vcf',
      0,
      { name: 'Zoë Ångström', emails: ['zoe@example.se'] },
    ],
    [
      'Japanese phone 2.1: Shift_JIS QP, CR line endings',
      'docomo-21-shift-jis.vcf',
      0,
      { name: '山田太郎', nameParts: { family: '山田', given: '太郎' }, phones: ['090-1234-5678'] },
    ],
    [
      'Apple 3.0: all five name parts and a nickname',
      'apple-30.vcf',
      0,
      {
        nameParts: {
          prefix: 'Rear Admiral',
          given: 'Grace',
          additional: 'Brewster',
          family: 'Hopper',
        },
        nickname: 'Amazing Grace',
      },
    ],
    [
      'Apple 3.0: item1.EMAIL with its X-ABLabel',
      'apple-30.vcf',
      0,
      {
        emailLabels: [
          { value: 'grace@navy.example', types: [], label: '_$!<Other>!$_' },
          { value: 'g.hopper@example.org', types: [], label: 'Conference' },
        ],
      },
    ],
    [
      'Apple 3.0: a structured home address with a line break',
      'apple-30.vcf',
      0,
      {
        addresses: [
          {
            types: ['home'],
            street: '1 Main St\nApt 2',
            locality: 'Arlington',
            region: 'VA',
            postalCode: '22201',
            country: 'USA',
          },
        ],
      },
    ],
    [
      'Apple 3.0: X-APPLE-OMIT-YEAR is a year-less birthday',
      'apple-30.vcf',
      0,
      { birthday: '--12-09' },
    ],
    [
      'Apple 3.0: an X-ABDATE labelled Anniversary',
      'apple-30.vcf',
      0,
      { anniversary: '1930-06-15' },
    ],
    [
      'Apple 3.0: PHOTO;BASE64: (a bare parameter in 3.0)',
      'apple-30.vcf',
      0,
      {
        photo: {
          mediaType: 'image/jpeg',
          data: Buffer.from('\x89PNG fake image bytes', 'latin1').toString('base64'),
        },
      },
    ],
    [
      'Apple 3.0: related names, IMPP, social profiles, X-ABADR kept verbatim',
      'apple-30.vcf',
      0,
      {
        cardProperties: [
          'item3.X-ABADR:us',
          'item6.X-ABRELATEDNAMES;type=pref:Vincent Hopper',
          'item6.X-ABLabel:_$!<Spouse>!$_',
          'IMPP;X-SERVICE-TYPE=Skype;type=HOME;type=pref:skype:grace.hopper',
          'X-SOCIALPROFILE;type=linkedin:https://linkedin.com/in/grace',
        ],
      },
    ],
  ])('%s', (_, file, index, expected) => {
    expect(card(file, index)).toMatchObject(expected);
  });

  it.each<[string, string, Partial<PartyDraft>]>([
    [
      'a QP LABEL beside the ADR of its type is kept for export, not a second address',
      'ADR;WORK:;;1 Main St;Springfield;IL;62701;USA\r\nLABEL;WORK;ENCODING=QUOTED-PRINTABLE:1 Main St=0D=0ASpringfield, IL 62701',
      {
        addresses: [
          {
            types: ['work'],
            street: '1 Main St',
            locality: 'Springfield',
            region: 'IL',
            postalCode: '62701',
            country: 'USA',
          },
        ],
        cardProperties: ['LABEL;TYPE=WORK:1 Main St\\nSpringfield\\, IL 62701'],
      },
    ],
    [
      'a LABEL of a type no ADR has is an address of its own',
      'ADR;WORK:;;1 Main St;Springfield;;;\r\nLABEL;HOME:2 Side St',
      {
        addresses: [
          { types: ['work'], street: '1 Main St', locality: 'Springfield' },
          { types: ['home'], street: '2 Side St' },
        ],
      },
    ],
  ])('Outlook 2.1: %s', (_, lines, expected) => {
    const text = `BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Jan\r\n${lines}\r\nEND:VCARD\r\n`;
    const value = readVcards(text, 'client').drafts[0]?.value;
    expect(value).toMatchObject(expected);
    expect(value?.addresses).toHaveLength(expected.addresses!.length);
  });

  it.each([
    ['android-21.vcf', 'utf-8'],
    ['outlook-21-windows-1255.vcf', 'utf-8'],
    ['wab-utf16le.vcf', 'utf-16le'],
    ['wab-utf16be-nobom.vcf', 'utf-16be'],
    ['docomo-21-shift-jis.vcf', 'utf-8'],
  ])('%s is read as %s', (file, encoding) => {
    expect(read(file).encoding).toBe(encoding);
  });

  it('a bad value is a warning with its line, and the card still imports', () => {
    const { drafts, problems } = read('android-21.vcf');
    expect(drafts).toHaveLength(2);
    expect(wordProblems(problems)).toEqual([
      {
        severity: 'warning',
        line: 33,
        message: '“john@localhost” is not an email address Clientele can use; kept with the card.',
      },
    ]);
    const outlook = read('outlook-21-windows-1255.vcf').problems;
    expect(outlook.map((p) => [p.severity, p.line])).toEqual([['warning', 11]]);
  });

  it('counts lines as the file has them, whatever ends them (CR CR LF is one break)', () => {
    const body = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:A', 'EMAIL:a@localhost', 'END:VCARD'];
    for (const end of ['\r\n', '\n', '\r', '\r\r\n']) {
      const { drafts, problems } = readVcards(
        [...body, ...body.map((l) => l.replace('FN:A', 'FN:B'))].join(end),
        'client',
      );
      expect(drafts.map((d) => [d.line, d.value.name])).toEqual([
        [1, 'A'],
        [6, 'B'],
      ]);
      expect(problems.map((p) => p.line)).toEqual([4, 9]);
    }
    const mixed = readVcards(
      `BEGIN:VCARD\r\nVERSION:3.0\nFN:A\rEMAIL:x@localhost\r\r\nEND:VCARD`,
      'client',
    );
    expect(mixed.problems.map((p) => p.line)).toEqual([4]);
  });

  it('a photo over the size kept is named in the summary, and the card imports', () => {
    const big = Buffer.alloc(200 * 1024, 7).toString('base64');
    const { drafts, problems } = readVcards(
      `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Big Picture\r\nPHOTO:data:image/jpeg;base64,${big}\r\nEND:VCARD\r\n`,
      'client',
    );
    expect(drafts[0]?.value.photo).toBeUndefined();
    expect(wordProblems(problems)).toEqual([
      {
        severity: 'warning',
        line: 4,
        message: 'The photo of Big Picture (200 KB) is larger than 128 KB and was not kept.',
      },
    ]);
  });

  it('what a card carries survives import, storage and export to 4.0 and 3.0', () => {
    const draft = card('apple-30.vcf', 0);
    for (const version of ['4.0', '3.0'] as const) {
      // Stored as the store stores it: phones to E.164, labels keyed by them.
      const built = newParty(PartyDraftSchema.parse(draft), {
        id: '00000000-0000-4000-8000-000000000001',
        now: 0,
        region: 'US',
        cadence: DEFAULT_CADENCE,
      });
      if (!built.ok) throw new Error(built.error.message.code);
      const party = PartySchema.parse(built.value);
      const again = readVcards(partiesToVcards([party], version), 'client').drafts[0]!.value;
      expect(again).toMatchObject({
        ...draft,
        phones: ['+12025550142'],
        phoneLabels: [{ value: '+12025550142', types: ['mobile'] }],
      });
    }
  });

  it.each([
    ['BEGIN:VCARD\r\nVERSION:2.1\r\nN:Cut;Short\r\n', 'no END:VCARD', 1],
    ['Name,Email\r\nAda,ada@example.com\r\n', 'not a vCard file', 1],
    [
      'BEGIN:VCARD\r\nVERSION:2.1\r\nTEL;CELL:+1 555 0100\r\nEND:VCARD\r\n',
      'No name and no email',
      1,
    ],
  ])('negative: %j says %s', (text, message, line) => {
    const { drafts, problems } = readVcards(text, 'client');
    expect(drafts).toEqual([]);
    expect(problems[0]).toMatchObject({ severity: 'error', line });
    expect(say(problems[0]!.message)).toContain(message);
  });
});
