import { describe, expect, it } from 'vitest';
import { createNeverCapture } from '../findings/never-capture';
import type { ThreadReportMessage } from '../protocol/areas/email';
import { isBulkAddress } from './bulk-sender';
import { decideThread, MAX_LOGS_PER_THREAD, type DecideContext } from './decide-thread';
import { DEFAULT_EMAIL_LOG, type EmailLogSettings } from './email-settings';
import { messageIdentity } from './message-identity';
import { parseMessageDate } from './message-date';

const NOW = Date.UTC(2025, 5, 1);
const ME = 'robin@quillworks.example';
const ADA = 'ada@analytical.example';
const known = new Map([
  [ADA, { id: 'p-ada', name: 'Ada' }],
  ['ivy@quillworks.example', { id: 'p-ivy', name: 'Ivy' }],
]);

function context(settings: Partial<EmailLogSettings> = {}, never: string[] = []): DecideContext {
  return {
    settings: { ...DEFAULT_EMAIL_LOG, ...settings },
    neverCapture: createNeverCapture(never),
    known,
    now: NOW,
  };
}

function thread(messages: ThreadReportMessage['messages'], account?: string): ThreadReportMessage {
  return {
    site: 'gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg',
    subject: 'Catalogue',
    ...(account && { account }),
    messages,
  };
}

const message = (from: string, to: string[], id?: string) => ({
  ...(id && { id }),
  from: { email: from },
  to: to.map((email) => ({ email })),
  date: 'Mon, 3 Mar 2025, 09:15',
  opening: 'Hello there',
});

describe('direction', () => {
  it.each([
    ['from the account the page shows', message(ME, [ADA]), ME, [], 'outbound'],
    [
      'from an address set in options',
      message('robin@home.example', [ADA]),
      ME,
      ['Robin@Home.example'],
      'outbound',
    ],
    ['to the user', message(ADA, [ME]), ME, [], 'inbound'],
    ['with no account shown and none set', message(ME, [ADA]), undefined, [], 'inbound'],
  ] as const)('%s', (_, mail, account, ownAddresses, direction) => {
    const decision = decideThread(
      thread([mail], account),
      context({ ownAddresses: [...ownAddresses] }),
    );
    expect(decision.candidates.map((c) => c.direction)).toEqual([direction]);
  });
});

describe('which messages are logged, for whom', () => {
  it.each([
    ['a known sender', message(ADA, [ME]), [], {}, ['p-ada'], []],
    [
      'a known recipient of the user',
      message(ME, [ADA, 'zed@else.example']),
      [],
      {},
      ['p-ada'],
      [],
    ],
    [
      'never-capture address',
      message(ADA, [ME]),
      [ADA],
      {},
      [],
      ['never capture', 'no known party'],
    ],
    [
      'never-capture domain',
      message(ME, [ADA]),
      ['analytical.example'],
      {},
      [],
      ['never capture', 'no known party'],
    ],
    [
      'a no-reply sender with a known party in cc',
      message('noreply@shop.example', [ME, ADA]),
      [],
      {},
      [],
      ['bulk sender'],
    ],
    [
      'a colleague when the own domain is off',
      message(ME, ['ivy@quillworks.example']),
      [],
      { skipOwnDomain: true },
      [],
      ['own domain', 'no known party'],
    ],
    [
      'a colleague when the own domain is logged',
      message(ME, ['ivy@quillworks.example']),
      [],
      {},
      ['p-ivy'],
      [],
    ],
    [
      'no sender',
      { to: [{ email: ADA }], date: 'Mon, 3 Mar 2025, 09:15' },
      [],
      {},
      [],
      ['no sender'],
    ],
    ['no readable date', { ...message(ADA, [ME]), date: 'yesterday' }, [], {}, [], ['no date']],
  ] as const)('%s', (_, mail, never, settings, parties, reasons) => {
    const decision = decideThread(
      thread([structuredClone(mail) as ThreadReportMessage['messages'][number]], ME),
      context(settings, [...never]),
    );
    expect(decision.candidates.map((c) => c.partyId)).toEqual(parties);
    expect(decision.skipped.map((s) => s.reason)).toEqual(reasons);
  });

  it('keeps headers only unless the opening is allowed, and never more than 280 characters', () => {
    const long = { ...message(ADA, [ME]), opening: 'x'.repeat(280) };
    expect(decideThread(thread([long], ME), context()).candidates[0]!.summary).toBe('Catalogue');
    const kept = decideThread(thread([long], ME), context({ keepOpening: true })).candidates[0]!;
    expect(kept.summary).toBe(`Catalogue\n\n${'x'.repeat(280)}`);
    expect(kept).toMatchObject({ at: Date.UTC(2025, 2, 3, 9, 15), link: thread([]).url });
  });

  it('lists unknown people the user wrote to, not those who wrote to the user, nor bulk ones', () => {
    const decision = decideThread(
      thread(
        [
          message(ME, ['zed@else.example', 'list-request@lists.example']),
          message('yan@else.example', [ME]),
        ],
        ME,
      ),
      context(),
    );
    expect(decision.writtenTo).toEqual([{ email: 'zed@else.example' }]);
  });

  it('a page forging message ids gets at most the per-thread cap', () => {
    const forged = Array.from({ length: 200 }, (_, i) => message(ADA, [ME], `msg-f:${i + 1}`));
    const decision = decideThread(thread(forged, ME), context());
    expect(decision.candidates).toHaveLength(MAX_LOGS_PER_THREAD);
    expect(decision.skipped.filter((s) => s.reason === 'thread cap')).toHaveLength(100);
  });
});

describe('message identity', () => {
  const base = message(ADA, [ME]);
  it.each([
    [
      'Gmail expanded id',
      'gmail',
      { ...base, id: 'msg-f:1826182731224596483' },
      'gmail:id:1957e784bd984003',
    ],
    [
      'Gmail collapsed (legacy hex) id, the same message',
      'gmail',
      { ...base, id: '1957E784BD984003' },
      'gmail:id:1957e784bd984003',
    ],
    [
      'Outlook item id',
      'outlook',
      { ...base, id: 'AAMkAGI2TG93AAA=' },
      'outlook:id:AAMkAGI2TG93AAA=',
    ],
    [
      'no id: sender, date and subject',
      'gmail',
      base,
      `gmail:hash:${ADA}\nMon, 3 Mar 2025, 09:15\nCatalogue`,
    ],
  ] as const)('%s', (_, site, mail, identity) => {
    expect(messageIdentity(site, mail, 'Catalogue')).toBe(identity);
  });

  it('differs between two messages of one sender at two times', () => {
    const later = { ...base, date: 'Mon, 3 Mar 2025, 10:15' };
    expect(messageIdentity('gmail', base, 'x')).not.toBe(messageIdentity('gmail', later, 'x'));
  });
});

describe('bulk senders and dates', () => {
  it.each([
    ['noreply@shop.example', true],
    ['no-reply@accounts.example', true],
    ['notifications@github.example', true],
    ['dev-request@lists.example', true],
    ['team@googlegroups.com', true],
    ['bounces+123@mg.shop.example', true],
    ['news@email.brand.example', true],
    ['ada@analytical.example', false],
    ['notes@analytical.example', false],
    ['info@bakery.example', false],
  ])('%s is bulk: %s', (email, bulk) => expect(isBulkAddress(email)).toBe(bulk));

  it.each([
    ['Wed, 5 Mar 2025, 10:42', Date.UTC(2025, 2, 5, 10, 42)],
    ['Wed 3/5/2025 10:42 AM', Date.UTC(2025, 2, 5, 10, 42)],
    ['Wed, 5 Mar 2025 at 10:42', Date.UTC(2025, 2, 5, 10, 42)],
    ['2025-03-05T10:42:00Z', Date.UTC(2025, 2, 5, 10, 42)],
    ['10:42', undefined],
    ['Wed, 5 Mar 2030, 10:42', undefined],
    [undefined, undefined],
  ])('%s reads as %s', (written, at) => expect(parseMessageDate(written, NOW)).toBe(at));
});
