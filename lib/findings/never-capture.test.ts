import { describe, expect, it } from 'vitest';
import { createNeverCapture } from './never-capture';

/** Each case: the list, then addresses (already normalised, as screenFindings passes them). */
const cases: { name: string; entries: string[]; blocked: string[]; allowed: string[] }[] = [
  {
    name: 'a whole address blocks that address only',
    entries: ['boss@home.example'],
    blocked: ['boss@home.example'],
    allowed: ['other@home.example', 'boss@sub.home.example', 'boss@home.example.org'],
  },
  {
    name: 'an address entry is normalised (case, spaces, mailto:)',
    entries: ['  Boss@Home.EXAMPLE ', 'mailto:Partner@Home.example'],
    blocked: ['boss@home.example', 'partner@home.example'],
    allowed: ['other@home.example'],
  },
  {
    name: 'a bare domain blocks every address there and at its subdomains',
    entries: ['private.example'],
    blocked: ['a@private.example', 'b@mail.private.example', 'c@x.y.private.example'],
    allowed: ['a@notprivate.example', 'a@private.example.org', 'a@private.examples', 'a@example'],
  },
  {
    name: 'a domain written with @ works the same',
    entries: ['@private.example'],
    blocked: ['a@private.example', 'b@mail.private.example'],
    allowed: ['a@notprivate.example', 'a@private.example.org'],
  },
  {
    name: 'a domain entry is normalised (case, spaces, trailing dot)',
    entries: ['  @Private.EXAMPLE.  '],
    blocked: ['a@private.example', 'b@sub.private.example'],
    allowed: ['a@other.example'],
  },
  {
    name: 'an internationalised domain matches its ASCII form',
    entries: ['Bücher.de'],
    blocked: ['zoe@xn--bcher-kva.de', 'zoe@shop.xn--bcher-kva.de'],
    allowed: ['zoe@bucher.de', 'zoe@xn--bcher-kva.com'],
  },
  {
    name: 'an internationalised address matches its normalised form',
    entries: ['Zoë@BÜCHER.de'],
    blocked: ['zoë@xn--bcher-kva.de'],
    allowed: ['zoe@xn--bcher-kva.de', 'other@xn--bcher-kva.de'],
  },
  {
    name: 'a punycode entry matches too',
    entries: ['@xn--mnchen-3ya.de'],
    blocked: ['amt@xn--mnchen-3ya.de'],
    allowed: ['amt@muenchen.de'],
  },
  {
    name: 'several entries of both sorts',
    entries: ['boss@home.example', 'family.example', '@bank.example'],
    blocked: ['boss@home.example', 'mum@family.example', 'alerts@secure.bank.example'],
    allowed: ['client@home.example', 'ada@example.com'],
  },
  {
    name: 'entries that are neither an address nor a domain block nothing',
    entries: ['', '   ', '@', 'localhost', 'not a domain', 'boss@', '@@', 'a@b@'],
    blocked: [],
    allowed: ['boss@home.example', 'root@localhost.example', 'a@b.example'],
  },
  {
    name: 'an empty list blocks nothing',
    entries: [],
    blocked: [],
    allowed: ['ada@example.com', 'boss@home.example'],
  },
];

describe('createNeverCapture', () => {
  for (const { name, entries, blocked, allowed } of cases) {
    it(name, () => {
      const neverCapture = createNeverCapture(entries);
      expect(blocked.filter((email) => !neverCapture(email))).toEqual([]);
      expect(allowed.filter((email) => neverCapture(email))).toEqual([]);
    });
  }
});
