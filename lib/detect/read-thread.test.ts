import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readThread } from './read-thread';

function load(name: string): Document {
  const html = readFileSync(`tests/fixtures/site/${name}`, 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

const ROBIN = 'robin.quill@quillworks.example';
const ADA = 'ada.lovelace@analytical.example';
const CHARLES = 'charles.babbage@difference.example';

describe('reading the open webmail thread', () => {
  it('Gmail: collapsed and expanded messages, the own reply, several recipients; no one from quotes or forwards', () => {
    const thread = readThread(
      load('gmail-thread.html'),
      'https://mail.google.com/mail/u/0/#inbox/x',
      { opening: true },
    )!;
    expect(thread).toMatchObject({
      site: 'gmail',
      subject: 'Spring catalogue photography',
      account: ROBIN,
    });
    expect(thread.messages.map(({ opening: _, ...header }) => header)).toEqual([
      {
        id: '1957b2c1a0000001',
        from: { email: ADA, name: 'Ada Lovelace' },
        to: [],
        date: 'Mon, 3 Mar 2025, 09:15',
      },
      {
        id: '1957b2c1a0000002',
        from: { email: CHARLES, name: 'Charles Babbage' },
        to: [],
        date: 'Mon, 3 Mar 2025, 11:02',
      },
      {
        id: 'msg-f:1826182731224596483',
        from: { email: ROBIN, name: 'Robin Quill' },
        to: [
          { email: ADA, name: 'Ada Lovelace' },
          { email: CHARLES, name: 'Charles Babbage' },
        ],
        date: 'Tue, 4 Mar 2025, 08:30',
      },
      {
        id: 'msg-f:1826182731224596484',
        from: { email: CHARLES, name: 'Charles Babbage' },
        to: [{ email: ROBIN }],
        date: 'Tue, 4 Mar 2025, 12:45',
      },
    ]);
    // The opening is the message's own text: quoted and forwarded history left out.
    expect(thread.messages[2]!.opening).toBe(
      'Ada, yes: the week of the 17th works. I will bring two lights.',
    );
    expect(thread.messages[3]!.opening).toBe('FYI, the brief from last year.');
  });

  it('Gmail: the single-message fixture and a notification', () => {
    const gmail = readThread(load('gmail.html'), 'https://mail.google.com/')!;
    expect(gmail.messages.map((message) => message.from?.email)).toEqual([
      'otto.placeholder@harbourlight.example',
      'marigold.testwell@harbourlight.example',
    ]);
    const notice = readThread(load('gmail-notice.html'), 'https://mail.google.com/')!;
    expect(notice.messages).toHaveLength(1);
    expect(notice.messages[0]).toMatchObject({
      from: { email: 'notifications@projectboard.example' },
      to: [{ email: ROBIN }, { email: ADA, name: 'Ada Lovelace' }],
    });
  });

  it('Outlook: the conversation view, item by item, with the account and dates', () => {
    const thread = readThread(load('outlook-thread.html'), 'https://outlook.office.com/mail/', {
      opening: true,
    })!;
    expect(thread).toMatchObject({
      site: 'outlook',
      subject: 'Engagement letter for the spring campaign',
      account: ROBIN,
    });
    const RAVENNA = 'ravenna.makebelieve@brightwater-legal.example';
    expect(
      thread.messages.map((m) => [m.id, m.from?.email, m.to.map((p) => p.email), m.date]),
    ).toEqual([
      [
        'AAMkAGI2TG93AAA=',
        RAVENNA,
        [ROBIN, 'tobias@inventado-design.example'],
        'Tue 3/4/2025 4:10 PM',
      ],
      ['AAMkAGI2TG94AAA=', ROBIN, [RAVENNA], 'Tue 3/4/2025 5:32 PM'],
      [
        'AAMkAGI2TG95AAA=',
        'tobias@inventado-design.example',
        [ROBIN, RAVENNA],
        'Wed 3/5/2025 9:05 AM',
      ],
    ]);
    expect(thread.messages[2]!.opening).toBe('The brief follows this week.');
  });

  it('Outlook: the reading pane of one message is one message', () => {
    const thread = readThread(load('outlook.html'), 'https://outlook.office.com/mail/')!;
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]!.from?.email).toBe('ravenna.makebelieve@brightwater-legal.example');
    expect(thread.messages[0]!.id).toBeUndefined();
  });

  it('reads no opening unless asked', () => {
    const thread = readThread(load('gmail-thread.html'), 'https://mail.google.com/')!;
    expect(thread.messages.some((message) => 'opening' in message)).toBe(false);
  });

  it('a page without a thread has none', () => {
    expect(readThread(load('directory.html'), 'https://example.com/')).toBeUndefined();
  });
});
