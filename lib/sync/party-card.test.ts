import { describe, expect, it } from 'vitest';
import type { Party } from '../domain/party';
import { mergeRecords } from './codecs';
import { cardChangedBy, cardToParty, partyToCard, type PartyCard } from './party-card';

const AT = Date.UTC(2026, 10, 20, 9, 30, 15, 123);

export function sampleParty(overrides: Partial<Party> = {}): Party {
  return {
    id: '5d0f7a4e-61a5-4bd4-9bb6-1f4a1e0c9a11',
    type: 'person',
    name: 'Ana Lúcia Ferreira',
    kind: 'client',
    kindHistory: [
      { kind: 'prospect', at: AT - 5000 },
      { kind: 'client', from: 'prospect', at: AT - 1000, reason: 'signed; retainer, monthly' },
    ],
    emails: ['ana@ferreira.example', 'ana.l@mail.example'],
    phones: ['+351912345678'],
    domains: [],
    organizationName: 'Ferreira, Lda; Porto',
    title: 'Director',
    website: 'https://ferreira.example/',
    tags: ['vip', 'design, print'],
    notes: 'Line one\nLine two; with ; and , and \\ backslash',
    captured: { url: 'https://mail.example/#inbox/1', at: AT - 6000 },
    checkInDays: 14,
    lastInteractionAt: AT - 500,
    nextCheckInAt: AT + 14 * 86_400_000,
    createdAt: AT - 6000,
    updatedAt: AT,
    ...overrides,
  };
}

const options = { version: '4.0' as const, region: 'PT' };
const read = { region: 'PT', defaultKind: 'prospect' as const, now: AT + 99_000 };

function bundle(party: Party): PartyCard {
  return {
    party,
    engagements: [
      {
        id: 'e1',
        partyId: party.id,
        serviceName: 'Design retainer',
        terms: {
          pricingModel: 'retainer',
          rate: { amountMinor: 150000, currency: 'EUR' },
          billingPeriod: 'month',
        },
        startOn: '2026-11-01',
        status: 'active',
        scopeNotes: 'Two; days, a month',
        createdAt: AT,
        updatedAt: AT,
      },
    ],
    purchases: [
      {
        id: 'p1',
        partyId: party.id,
        on: '2026-11-02',
        amount: { amountMinor: 4999, currency: 'EUR' },
        description: 'Print run',
        recurrence: 'one-time',
        createdAt: AT,
      },
    ],
  };
}

describe('party ⇄ vCard', () => {
  it.each(['4.0', '3.0'] as const)(
    'gives back the same party and dealings (vCard %s)',
    (version) => {
      const card = bundle(sampleParty());
      const text = partyToCard(card, { ...options, version });
      expect(text).toContain(`VERSION:${version}`);
      expect(text).toContain('UID:5d0f7a4e-61a5-4bd4-9bb6-1f4a1e0c9a11');
      expect(text).toMatch(/CATEGORIES:Client,vip,design\\, print/);
      expect(cardToParty(text, read)).toEqual({ ok: true, value: card });
    },
  );

  it('escapes every comma in its own properties, which Radicale would split a value on', () => {
    const text = partyToCard(bundle(sampleParty()), options).replace(/\r\n[ \t]/g, '');
    const own = text.split('\r\n').filter((line) => line.startsWith('X-CLIENTELE-'));
    expect(own.length).toBeGreaterThan(5);
    for (const line of own) expect(line).not.toMatch(/(?<!\\),/);
    // A server that dropped VALUE=TEXT and kept the escapes still gives the same party.
    const bare = text.replace(/(X-CLIENTELE-[A-Z-]+);VALUE=TEXT:/g, '$1:');
    expect(cardToParty(bare, read)).toEqual({ ok: true, value: bundle(sampleParty()) });
  });

  it('keeps a prospect’s stage and source, and an organization as an organization', () => {
    const prospect = sampleParty({
      kind: 'prospect',
      kindHistory: [{ kind: 'prospect', at: AT }],
      prospect: { stage: 'proposal', source: 'conference; Lisbon', nextStep: 'send quote' },
      type: 'organization',
      name: 'Ferreira Lda',
      organizationName: undefined,
      domains: ['ferreira.example'],
    });
    const text = partyToCard({ party: prospect, engagements: [], purchases: [] }, options);
    expect(text).toContain('KIND:org');
    const back = cardToParty(text, read);
    expect(back.ok && back.value.party).toEqual(prospect);
  });

  it('writes back what other apps put on the card, and the labels of unchanged addresses', () => {
    const phoneCard = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'UID:5d0f7a4e-61a5-4bd4-9bb6-1f4a1e0c9a11',
      'FN:Ana Lúcia Ferreira',
      'item1.EMAIL;TYPE=work:ana@ferreira.example',
      'item1.X-ABLabel:Studio',
      'TEL;TYPE=cell:call reception first',
      'BDAY:19800412',
      'ADR;TYPE=work:;;Rua das Flores 12;Porto;;4050-262;Portugal',
      'PHOTO:data:image/jpeg;base64,AAAA',
      'URL:https://old.example/',
      'URL:https://portfolio.example/',
      'END:VCARD',
      '',
    ].join('\r\n');
    const text = partyToCard(bundle(sampleParty()), { ...options, previous: phoneCard });
    expect(text).toContain('ITEM1.EMAIL;TYPE=work:ana@ferreira.example');
    expect(text).toContain('ITEM1.X-ABLABEL:Studio');
    expect(text).toContain('BDAY:19800412');
    expect(text).toContain('Rua das Flores 12');
    expect(text).toContain('PHOTO');
    // A number Clientele cannot read is not Clientele's to drop.
    expect(text).toContain('TEL;TYPE=cell:call reception first');
    expect(text).toContain('URL:https://portfolio.example/');
    expect(text).not.toContain('old.example');
    expect(text.match(/^FN:/gm)).toHaveLength(1);
    const back = cardToParty(text, read);
    expect(back.ok && back.value.party).toEqual(sampleParty());
  });

  it('a record made here goes out under its id as UID, and nothing more', () => {
    const text = partyToCard(bundle(sampleParty()), options);
    expect(text).not.toContain('X-CLIENTELE-ID');
    const back = cardToParty(text, read);
    expect(back.ok && back.value.party.cardUid).toBeUndefined();
  });

  it.each(['4.0', '3.0'] as const)(
    'a record imported from a file keeps the card’s own UID and comes back as the same record (vCard %s)',
    (version) => {
      const card = bundle(sampleParty({ cardUid: 'D1F2A3B4-0000-4C5D-9E8F:ABPerson' }));
      const text = partyToCard(card, { ...options, version });
      expect(text).toContain('\r\nUID:D1F2A3B4-0000-4C5D-9E8F:ABPerson\r\n');
      expect(text).toMatch(/\r\nX-CLIENTELE-ID[;:].*5d0f7a4e-61a5-4bd4-9bb6-1f4a1e0c9a11\r\n/);
      expect(cardToParty(text, read)).toEqual({ ok: true, value: card });
    },
  );

  it('a card another app made keeps its UID exactly, urn:uuid: and all, when written back', () => {
    const foreign = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'UID:urn:uuid:0b7e6a52-3c1d-4e8f-9a2b-5c6d7e8f9a0b',
      'FN:Lena Vogel',
      'END:VCARD',
      '',
    ].join('\r\n');
    const read1 = cardToParty(foreign, read);
    if (!read1.ok) throw new Error(read1.error);
    expect(read1.value.party.id).toBe('0b7e6a52-3c1d-4e8f-9a2b-5c6d7e8f9a0b');
    const again = partyToCard(read1.value, { ...options, previous: foreign });
    expect(again).toContain('\r\nUID:urn:uuid:0b7e6a52-3c1d-4e8f-9a2b-5c6d7e8f9a0b\r\n');
    const read2 = cardToParty(again, read);
    expect(read2.ok && read2.value.party).toEqual(read1.value.party);
  });

  it('reads a card an iPhone or Android phone PUT (vCard 3.0, their habits)', () => {
    const apple = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Apple Inc.//iPhone OS 17.1//EN',
      'N:Okafor;Chidi;;;',
      'FN:Chidi Okafor',
      'ORG:Okafor Builders;',
      'item1.EMAIL;type=INTERNET;type=pref:Chidi@Okafor.example',
      'item1.X-ABLabel:_$!<Other>!$_',
      'TEL;type=CELL;type=VOICE;type=pref:+44 7911 123456',
      'CATEGORIES:Customer,Builders',
      'X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;CO;1;;;;;;;;;;;;;',
      'REV:2026-11-30T08:00:00Z',
      'UID:4C1B6D7E-AAAA-4BBB-8CCC-0123456789AB',
      'END:VCARD',
      '',
    ].join('\r\n');
    const back = cardToParty(apple, read);
    expect(back).toMatchObject({
      ok: true,
      value: {
        party: {
          id: '4C1B6D7E-AAAA-4BBB-8CCC-0123456789AB',
          name: 'Chidi Okafor',
          kind: 'customer',
          kindHistory: [{ kind: 'customer', at: Date.UTC(2026, 10, 30, 8) }],
          emails: ['chidi@okafor.example'],
          phones: ['+447911123456'],
          tags: ['Builders'],
          organizationName: 'Okafor Builders',
          updatedAt: Date.UTC(2026, 10, 30, 8),
        },
        engagements: [],
        purchases: [],
      },
    });
  });

  it('gives a card without a kind the kind chosen at setup', () => {
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Someone\r\nUID:x-1\r\nEND:VCARD\r\n';
    const back = cardToParty(card, { ...read, defaultKind: 'customer' });
    expect(back.ok && back.value.party.kind).toBe('customer');
    expect(back.ok && back.value.party.updatedAt).toBe(read.now);
  });

  it('follows a kind changed on the phone and records the change', () => {
    const text = partyToCard(bundle(sampleParty()), options).replace(
      /CATEGORIES:Client/,
      'CATEGORIES:Former client',
    );
    const back = cardToParty(text, read);
    expect(back.ok && back.value.party.kind).toBe('former');
    expect(back.ok && back.value.party.kindHistory.at(-1)).toMatchObject({
      kind: 'former',
      from: 'client',
    });
  });

  it('carries an end date removed on one device: the card lacks it, and a merge keeps it removed', () => {
    const withEnd = bundle(sampleParty());
    withEnd.engagements = withEnd.engagements.map((e) => ({ ...e, endOn: '2026-12-31' }));
    const cleared = bundle(sampleParty({ updatedAt: AT + 1000 }));
    cleared.engagements = cleared.engagements.map((e) => ({ ...e, updatedAt: AT + 1000 }));
    const text = partyToCard(cleared, options);
    expect(text).not.toContain('endOn');
    const back = cardToParty(text, read);
    expect(back.ok && back.value.engagements[0]).not.toHaveProperty('endOn');
    // The other device still has the end date both last agreed on: the removal wins.
    const merged = mergeRecords(
      { type: 'party', value: withEnd },
      { type: 'party', value: cleared },
      { type: 'party', value: withEnd },
    );
    expect(merged.conflicts).toEqual([]);
    const value = merged.record.value as PartyCard;
    expect(value.engagements[0]).not.toHaveProperty('endOn');
    expect(value.engagements[0]?.updatedAt).toBe(AT + 1000);
  });

  it.each([
    ['not a card', 'hello'],
    ['no UID', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nEND:VCARD\r\n'],
    ['no name', 'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:1\r\nEND:VCARD\r\n'],
  ])('refuses %s with a reason', (_, text) => {
    expect(cardToParty(text, read)).toMatchObject({ ok: false, error: expect.any(String) });
  });
});

describe('who changed a card', () => {
  it('is carried as X-CLIENTELE-CHANGED-BY, replaced (never repeated) by the next writer', () => {
    const card = bundle(sampleParty());
    const byAlice = partyToCard(card, { ...options, changedBy: 'alice@team.example' });
    expect(cardChangedBy(byAlice)).toBe('alice@team.example');
    const byBob = partyToCard(card, { ...options, previous: byAlice, changedBy: 'bob' });
    expect(cardChangedBy(byBob)).toBe('bob');
    expect(byBob.match(/X-CLIENTELE-CHANGED-BY/g)).toHaveLength(1);
    // The party read back is the same either way: who changed it is not a field of it.
    expect(cardToParty(byBob, read)).toEqual(cardToParty(byAlice, read));
  });

  it('is absent from a card another app made', () => {
    expect(cardChangedBy('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n')).toBeUndefined();
  });
});
