import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { precheckRows, type Transport } from './transfer-client';
import { keepUnreadablePhonesInNotes } from './unreadable-phones';
import { readVcards } from './vcard-read';
import { say } from '../ui/ui-text';

const card = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Odd Phones',
  'TEL;TYPE=work:+1 212 555 0100',
  'NOTE:Met at the fair',
  'TEL;TYPE=home:ext. 12 ask for Bob',
  'TEL;TYPE=cell:ext. 12 ask for Bob',
  'END:VCARD',
].join('\r\n');

describe('an unreadable phone', () => {
  it('goes to the notes in the words the caller gives, the readable ones stay', () => {
    const german = (_key: string, phone: string) => `Telefon: ${phone}`;
    const kept = keepUnreadablePhonesInNotes(
      { name: 'A', phones: ['+1 212 555 0100', 'ext. 12'], notes: 'Hello' },
      'US',
      german,
    );
    expect(kept.moved).toEqual(['ext. 12']);
    expect(kept.draft).toMatchObject({
      phones: ['+1 212 555 0100'],
      notes: 'Hello\nTelefon: ext. 12',
    });
  });

  it('is worded from the catalogue', () => {
    const t = (key: 'text_import_phoneNote', phone: string) =>
      english[key].message.replace('$PHONE$', phone);
    const kept = keepUnreadablePhonesInNotes({ name: 'A', phones: ['ext. 12'] }, 'US', t);
    expect(kept.draft).toMatchObject({ phones: [], notes: 'Phone: ext. 12' });
  });

  it('is read from a card with the line of its own TEL property', () => {
    const { drafts } = readVcards(card, 'customer');
    expect(drafts[0]).toMatchObject({
      line: 1,
      value: { phones: ['+1 212 555 0100', 'ext. 12 ask for Bob'] },
      phoneLines: [4, 6],
    });
  });

  it('is warned about on its TEL line, not on the card’s first line', async () => {
    const { drafts } = readVcards(card, 'customer');
    const send = (() =>
      Promise.resolve({
        ok: true,
        value: { invalidPhones: ['ext. 12 ask for Bob'], knownEmails: [], knownPhones: [] },
      })) as unknown as Transport;
    const { phoneWarnings } = await precheckRows(send, drafts);
    expect(phoneWarnings.map((w) => [w.line, say(w.message)])).toEqual([
      [6, expect.stringContaining('ext. 12 ask for Bob')],
    ]);
  });

  it('in a CSV row (no lines of its own) is warned about on the row, all in one', async () => {
    const send = (() =>
      Promise.resolve({
        ok: true,
        value: { invalidPhones: ['x', 'y'], knownEmails: [], knownPhones: [] },
      })) as unknown as Transport;
    const rows = [{ line: 3, value: { name: 'A', kind: 'customer' as const, phones: ['x', 'y'] } }];
    const { phoneWarnings } = await precheckRows(send, rows);
    expect(phoneWarnings.map((w) => [w.line, say(w.message)])).toEqual([
      [3, expect.stringContaining('x, y')],
    ]);
  });
});
