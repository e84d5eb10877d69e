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
  ])('%s', (_label, contacts, expected) => {
    expect(senderOf(contacts)?.contact.emails[0]).toBe(expected);
  });

  it('keys a sender by address, so adding them is not a new message', () => {
    const unknown = contact('s@x.example', 'sender');
    const known = { ...unknown, known: { party: { id: 'p1' }, health: 'none' } } as PageContact;
    expect(senderKey(unknown)).toBe(senderKey(known));
    expect(senderKey(undefined)).toBe('');
  });
});
