import { describe, expect, it } from 'vitest';
import type { DetectedContactMessage, PageFindings } from '../protocol/contact-schemas';
import { screenFindings, type ScreenOptions } from './screen';

const URL = 'https://acme.example/team';

function contact(fields: Partial<DetectedContactMessage>): DetectedContactMessage {
  return { emails: [], phones: [], sources: ['text-email'], confidence: 0.7, ...fields };
}

function screen(contacts: DetectedContactMessage[], options: Partial<ScreenOptions> = {}) {
  const findings: PageFindings = { url: URL, contacts };
  return screenFindings(findings, { region: 'US', neverCapture: [], ...options });
}

describe('screenFindings: phones', () => {
  const phoneCases: { written: string; region: string; e164: string | null }[] = [
    { written: '(212) 555-0100', region: 'US', e164: '+12125550100' },
    { written: '212.555.0100', region: 'US', e164: '+12125550100' },
    { written: '  +1 212 555 0100  ', region: 'DE', e164: '+12125550100' },
    { written: '+44 20 7946 0018', region: 'US', e164: '+442079460018' },
    { written: '(212) 555-0100 ext. 12', region: 'US', e164: '+12125550100;ext=12' },
    // National numbers are read in the user's region.
    { written: '020 7946 0018', region: 'GB', e164: '+442079460018' },
    { written: '020 7946 0018', region: 'US', e164: null },
    { written: '030 12345678', region: 'DE', e164: '+493012345678' },
    { written: '06 12 34 56 78', region: 'FR', e164: '+33612345678' },
    { written: '06 12 34 56 78', region: 'US', e164: null },
    // Not a region code: a national number cannot be placed.
    { written: '(212) 555-0100', region: 'us', e164: null },
    { written: '(212) 555-0100', region: '', e164: null },
    // Dates, prices and short numbers the page's detector mistook for phones.
    { written: '12/03/2024', region: 'US', e164: null },
    { written: '$1,299.00', region: 'US', e164: null },
    { written: '123', region: 'US', e164: null },
    { written: '555-0100', region: 'US', e164: null },
    { written: '', region: 'US', e164: null },
  ];

  for (const { written, region, e164 } of phoneCases) {
    it(`${JSON.stringify(written)} in ${region || 'no region'} → ${e164 ?? 'dropped'}`, () => {
      const { findings, writtenPhones } = screen(
        [contact({ emails: ['ada@example.com'], phones: [written] })],
        { region },
      );
      expect(findings.contacts[0]?.phones).toEqual(e164 === null ? [] : [e164]);
      expect([...writtenPhones]).toEqual(e164 === null ? [] : [[written.trim(), e164]]);
    });
  }

  it('keeps one E.164 phone for several spellings, and records every spelling', () => {
    const { findings, writtenPhones } = screen([
      contact({ phones: ['(212) 555-0100', '212.555.0100', '+1 212 555 0100', '31/12/2025'] }),
    ]);
    expect(findings.contacts).toEqual([contact({ phones: ['+12125550100'] })]);
    expect(writtenPhones).toEqual(
      new Map([
        ['(212) 555-0100', '+12125550100'],
        ['212.555.0100', '+12125550100'],
        ['+1 212 555 0100', '+12125550100'],
      ]),
    );
  });

  it('records the spellings of every contact on the page', () => {
    const { writtenPhones } = screen([
      contact({ phones: ['(212) 555-0100'] }),
      contact({ emails: ['grace@navy.example'], phones: ['+44 20 7946 0018'] }),
    ]);
    expect(writtenPhones).toEqual(
      new Map([
        ['(212) 555-0100', '+12125550100'],
        ['+44 20 7946 0018', '+442079460018'],
      ]),
    );
  });
});

describe('screenFindings: emails', () => {
  const emailCases: { name: string; emails: string[]; expected: string[] }[] = [
    {
      name: 'lower-cased and trimmed',
      emails: [' ADA@Example.COM '],
      expected: ['ada@example.com'],
    },
    {
      name: 'the same address twice once normalised',
      emails: ['Ada@example.com', 'ada@EXAMPLE.com', 'grace@navy.example'],
      expected: ['ada@example.com', 'grace@navy.example'],
    },
    {
      name: 'an internationalised domain in ASCII',
      emails: ['Zoë@Bücher.de'],
      expected: ['zoë@xn--bcher-kva.de'],
    },
    {
      name: 'a mailto: prefix removed',
      emails: ['mailto:ada@example.com'],
      expected: ['ada@example.com'],
    },
    {
      name: 'what is not an address dropped',
      emails: ['not-an-email', 'ada@', '@example.com', 'a b@example.com', 'ada@example.com'],
      expected: ['ada@example.com'],
    },
  ];

  for (const { name, emails, expected } of emailCases) {
    it(`re-normalises addresses: ${name}`, () => {
      const { findings } = screen([contact({ emails, phones: ['(212) 555-0100'] })]);
      expect(findings.contacts[0]?.emails).toEqual(expected);
    });
  }
});

describe('screenFindings: contacts', () => {
  it('keeps the page address and every other field of a kept contact', () => {
    const kept = contact({
      name: 'Ada Lovelace',
      emails: ['Ada@Example.com'],
      phones: ['(212) 555-0100'],
      organization: 'Analytical Engines',
      title: 'Analyst',
      website: 'https://ada.example',
      role: 'sender',
      sources: ['mailto', 'text-phone'],
      confidence: 0.93,
    });
    expect(screen([kept]).findings).toEqual({
      url: URL,
      contacts: [{ ...kept, emails: ['ada@example.com'], phones: ['+12125550100'] }],
    });
  });

  it('drops contacts left with neither an address nor a phone, keeping the order of the rest', () => {
    const { findings } = screen([
      contact({ name: 'Only a date', phones: ['12/03/2024'] }),
      contact({ name: 'Ada', emails: ['ada@example.com'] }),
      contact({ name: 'Bad address', emails: ['not-an-email'] }),
      contact({ name: 'Nothing at all' }),
      contact({ name: 'Phone', phones: ['(212) 555-0100'] }),
    ]);
    expect(findings.contacts.map((kept) => kept.name)).toEqual(['Ada', 'Phone']);
  });

  it('keeps a contact whose phones were all invalid when it has an address', () => {
    const { findings } = screen([contact({ emails: ['ada@example.com'], phones: ['$1,299.00'] })]);
    expect(findings.contacts).toEqual([contact({ emails: ['ada@example.com'], phones: [] })]);
  });

  const neverCases: { name: string; neverCapture: string[]; dropped: boolean }[] = [
    { name: 'its address', neverCapture: ['boss@home.example'], dropped: true },
    { name: 'its domain', neverCapture: ['home.example'], dropped: true },
    { name: 'its domain, with @', neverCapture: ['@home.example'], dropped: true },
    { name: 'a parent domain', neverCapture: ['example'], dropped: false },
    { name: 'another address at its domain', neverCapture: ['other@home.example'], dropped: false },
    { name: 'a lookalike domain', neverCapture: ['ome.example'], dropped: false },
    { name: 'nothing', neverCapture: [], dropped: false },
  ];

  for (const { name, neverCapture, dropped } of neverCases) {
    it(`${dropped ? 'drops' : 'keeps'} a contact when the never-capture list names ${name}`, () => {
      const { findings, writtenPhones } = screen(
        [
          contact({
            name: 'The boss',
            emails: ['work@office.example', 'Boss@Home.example'],
            phones: ['(212) 555-0100'],
          }),
          contact({ name: 'Ada', emails: ['ada@example.com'], phones: ['+44 20 7946 0018'] }),
        ],
        { neverCapture },
      );
      expect(findings.contacts.map((kept) => kept.name)).toEqual(
        dropped ? ['Ada'] : ['The boss', 'Ada'],
      );
      // A dropped contact's phones are not kept anywhere, not even for highlighting.
      expect(writtenPhones.has('(212) 555-0100')).toBe(!dropped);
      expect(writtenPhones.get('+44 20 7946 0018')).toBe('+442079460018');
    });
  }

  it('drops a contact on the list even when its address was written unnormalised', () => {
    const { findings } = screen([contact({ emails: ['  BOSS@sub.HOME.example '] })], {
      neverCapture: ['Home.Example'],
    });
    expect(findings.contacts).toEqual([]);
  });

  it('keeps a phone-only contact whatever the list says (the list is of addresses)', () => {
    const { findings } = screen([contact({ phones: ['(212) 555-0100'] })], {
      neverCapture: ['home.example'],
    });
    expect(findings.contacts).toHaveLength(1);
  });

  it('returns an empty page as it was', () => {
    expect(screen([])).toEqual({ findings: { url: URL, contacts: [] }, writtenPhones: new Map() });
  });
});

describe('screenFindings: phones on the never-capture list', () => {
  it('drops a contact whose phone a forgotten party left on the list, however it is written', () => {
    const { findings } = screen(
      [
        contact({ name: 'Forgotten', phones: ['(212) 555-0100'] }),
        contact({ name: 'Kept', phones: ['(212) 555-0199'] }),
      ],
      { neverCapture: ['+12125550100'] },
    );
    expect(findings.contacts.map((c) => c.name)).toEqual(['Kept']);
  });
});
