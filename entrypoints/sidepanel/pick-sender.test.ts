import { describe, expect, it } from 'vitest';
import type { PageContact } from '../../lib/protocol/contact-schemas';
import { senderKey, senderOf } from './pick-sender';

const contact = (email: string, role?: PageContact['contact']['role']): PageContact => ({
  contact: {
    emails: [email],
    phones: [],
    sources: ['gmail'],
    confidence: 0.9,
    ...(role && { role }),
  },
});

describe('senderOf', () => {
  it.each([
    ['no message open', [contact('a@x.example'), contact('b@x.example', 'recipient')], undefined],
    [
      'one open message',
      [contact('a@x.example', 'recipient'), contact('s@x.example', 'sender')],
      's@x.example',
    ],
    [
      'several expanded messages: the last one is in front of the user',
      [
        contact('first@x.example', 'sender'),
        contact('me@x.example', 'recipient'),
        contact('last@x.example', 'sender'),
      ],
      'last@x.example',
    ],
    ['people in quotes are not senders', [contact('q@x.example', 'quoted')], undefined],
    [
      'a no-reply notice listed after the person: the person',
      [contact('dana@x.example', 'sender'), contact('no-reply@billing.example', 'sender')],
      'dana@x.example',
    ],
    [
      'only bulk senders: the last of them',
      [contact('news@x.example', 'sender'), contact('notifications@y.example', 'sender')],
      'notifications@y.example',
    ],
  ])('%s', (_label, contacts, expected) => {
    expect(senderOf(contacts)?.contact.emails[0]).toBe(expected);
  });

  it.each([
    [
      'the open message wins over page order (the merge lists people where first seen)',
      [contact('dana@x.example', 'sender'), contact('bob@x.example', 'sender')],
      'dana@x.example',
      'dana@x.example',
    ],
    [
      'an open no-reply message does not win while a person wrote in the thread',
      [contact('dana@x.example', 'sender'), contact('noreply@shop.example', 'sender')],
      'noreply@shop.example',
      'dana@x.example',
    ],
    [
      'an open sender the contacts do not hold: the last person',
      [contact('dana@x.example', 'sender'), contact('bob@x.example', 'sender')],
      'gone@x.example',
      'bob@x.example',
    ],
  ])('%s', (_label, contacts, open, expected) => {
    expect(senderOf(contacts, open)?.contact.emails[0]).toBe(expected);
  });

  it('keys a sender by address, so adding them is not a new message', () => {
    const unknown = contact('s@x.example', 'sender');
    const known = { ...unknown, known: { party: { id: 'p1' }, health: 'none' } } as PageContact;
    expect(senderKey(unknown)).toBe(senderKey(known));
    expect(senderKey(undefined)).toBe('');
  });
});
