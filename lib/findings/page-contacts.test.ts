import { describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_CADENCE, type Party, type PartyDraft } from '../domain';
import { createDbOpener, type ClienteleDb } from '../db/open';
import { createParty, type RepositoryContext } from '../db/party-repository';
import type { DetectedContactMessage, PageFindings } from '../protocol/contact-schemas';
import { knownTexts, pageContacts } from './page-contacts';

const T0 = Date.UTC(2026, 2, 2, 9, 30);
const URL = 'https://acme.example/team';

function contact(fields: Partial<DetectedContactMessage>): DetectedContactMessage {
  return { emails: [], phones: [], sources: ['text-email'], confidence: 0.7, ...fields };
}

const page = (...contacts: DetectedContactMessage[]): PageFindings => ({ url: URL, contacts });

/** A fresh database holding Ada (client, address and phone) and Grace (customer, phone only). */
async function seeded() {
  const context: RepositoryContext = {
    getDb: createDbOpener(`clientele-page-contacts-${crypto.randomUUID()}`),
    clock: () => T0,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
  const create = async (draft: PartyDraft): Promise<Party> => {
    const result = await createParty(context, draft);
    if (!result.ok || !result.value.created) throw new Error(`could not create ${draft.name}`);
    return result.value.party;
  };
  const ada = await create({
    name: 'Ada Lovelace',
    kind: 'client',
    emails: ['Ada@Example.com', 'ada@work.example'],
    phones: ['(212) 555-0100'],
  });
  const grace = await create({
    name: 'Grace Hopper',
    kind: 'customer',
    phones: ['+44 20 7946 0018'],
  });
  const ken = await create({ name: 'Ken Thompson', kind: 'former', emails: ['ken@bell.example'] });
  const db: ClienteleDb = await context.getDb();
  return { db, ada, grace, ken };
}

const SETTINGS = { cadence: DEFAULT_CADENCE, region: 'US' };
describe('pageContacts', () => {
  it('says the page was not scanned when nothing was reported', async () => {
    const { db } = await seeded();
    expect(await pageContacts(db, undefined, T0, SETTINGS)).toEqual({
      scanned: false,
      contacts: [],
    });
  });

  it('matches each contact to its record by address, then by phone', async () => {
    const { db, ada, grace } = await seeded();
    const cases: { name: string; found: DetectedContactMessage; party: Party | undefined }[] = [
      { name: 'address', found: contact({ emails: ['ada@example.com'] }), party: ada },
      { name: 'second address', found: contact({ emails: ['ada@work.example'] }), party: ada },
      {
        name: 'any of its addresses',
        found: contact({ emails: ['someone@else.example', 'ada@work.example'] }),
        party: ada,
      },
      { name: 'phone', found: contact({ phones: ['+442079460018'] }), party: grace },
      {
        name: 'phone, when its address is unknown',
        found: contact({ emails: ['stranger@else.example'], phones: ['+12125550100'] }),
        party: ada,
      },
      {
        name: 'address before phone',
        found: contact({ emails: ['ada@example.com'], phones: ['+442079460018'] }),
        party: ada,
      },
      {
        name: 'nothing known',
        found: contact({ emails: ['nobody@else.example'], phones: ['+12125550199'] }),
        party: undefined,
      },
      {
        name: 'an address not normalised is not looked up as another',
        found: contact({ emails: ['ADA@EXAMPLE.COM'] }),
        party: undefined,
      },
    ];

    const result = await pageContacts(db, page(...cases.map(({ found }) => found)), T0, SETTINGS);

    expect(result.scanned).toBe(true);
    expect(result.url).toBe(URL);
    expect(result.contacts).toHaveLength(cases.length);
    cases.forEach(({ name, found, party }, i) => {
      const shown = result.contacts[i];
      expect(shown?.contact, name).toEqual(found);
      if (party) expect(shown?.known?.party, name).toEqual(party);
      else expect(shown && 'known' in shown, name).toBe(false);
    });
  });

  const healthCases: { name: string; now: number; health: string }[] = [
    { name: 'just created', now: T0, health: 'on-time' },
    { name: 'a week before it is due', now: T0 + 23 * DAY_MS, health: 'on-time' },
    { name: 'a day before it is due', now: T0 + 29 * DAY_MS, health: 'due-soon' },
    { name: 'past due', now: T0 + 31 * DAY_MS, health: 'overdue' },
  ];

  for (const { name, now, health } of healthCases) {
    it(`gives a known client's check-in health: ${name}`, async () => {
      const { db } = await seeded();
      const result = await pageContacts(
        db,
        page(contact({ emails: ['ada@example.com'] }), contact({ emails: ['ken@bell.example'] })),
        now,
        SETTINGS,
      );
      expect(result.contacts.map((shown) => shown.known?.health)).toEqual([health, 'none']);
    });
  }

  it('uses the cadence it is given', async () => {
    const { db } = await seeded();
    const result = await pageContacts(
      db,
      page(contact({ emails: ['ada@example.com'] })),
      T0 + 29 * DAY_MS,
      { ...SETTINGS, cadence: { ...DEFAULT_CADENCE, client: null } },
    );
    expect(result.contacts[0]?.known?.health).toBe('none');
  });

  it('gives each phone, found or on file, as the user reads it in their region', async () => {
    const { db } = await seeded();
    const result = await pageContacts(
      db,
      page(contact({ emails: ['ada@example.com'], phones: ['+12125550100', '+442079460958'] })),
      T0,
      SETTINGS,
    );
    expect(result.contacts[0]?.phoneLabels).toEqual(['(212) 555-0100', '+44 20 7946 0958']);
    expect(result.contacts[0]?.known?.phoneLabels).toEqual(['(212) 555-0100']);
  });

  it('shows an empty page as scanned with no contacts', async () => {
    const { db } = await seeded();
    expect(await pageContacts(db, page(), T0, SETTINGS)).toEqual({
      scanned: true,
      url: URL,
      contacts: [],
    });
  });
});

describe('knownTexts', () => {
  it('returns known contacts’ addresses and phones as written, each with its kind', async () => {
    const { db } = await seeded();
    const findings = page(
      contact({ emails: ['ada@example.com'], phones: ['+12125550100'] }),
      contact({ phones: ['+442079460018'] }),
      contact({ emails: ['ken@bell.example'] }),
      contact({ emails: ['nobody@else.example'], phones: ['+12125550199'] }),
    );
    const writtenPhones = new Map([
      ['(212) 555-0100', '+12125550100'],
      ['212.555.0100', '+12125550100'],
      ['+44 20 7946 0018', '+442079460018'],
      ['(212) 555-0199', '+12125550199'],
    ]);

    expect(await knownTexts(db, findings, writtenPhones)).toEqual([
      { text: 'ada@example.com', kind: 'client' },
      { text: 'ken@bell.example', kind: 'former' },
      { text: '(212) 555-0100', kind: 'client' },
      { text: '212.555.0100', kind: 'client' },
      { text: '+44 20 7946 0018', kind: 'customer' },
    ]);
  });

  it('gives a known contact’s other addresses and phones on the page its kind too', async () => {
    const { db } = await seeded();
    const findings = page(
      contact({ emails: ['ada@example.com', 'ada.home@else.example'], phones: ['+12125550177'] }),
    );
    expect(await knownTexts(db, findings, new Map([['212-555-0177', '+12125550177']]))).toEqual([
      { text: 'ada@example.com', kind: 'client' },
      { text: 'ada.home@else.example', kind: 'client' },
      { text: '212-555-0177', kind: 'client' },
    ]);
  });

  const unknownCases: { name: string; findings: PageFindings; written: [string, string][] }[] = [
    { name: 'an empty page', findings: page(), written: [] },
    {
      name: 'unknown contacts',
      findings: page(
        contact({ emails: ['nobody@else.example'] }),
        contact({ phones: ['+12125550199'] }),
      ),
      written: [['(212) 555-0199', '+12125550199']],
    },
    {
      name: 'a known phone written on the page but on no contact',
      findings: page(contact({ emails: ['nobody@else.example'] })),
      written: [['(212) 555-0100', '+12125550100']],
    },
  ];

  for (const { name, findings, written } of unknownCases) {
    it(`returns nothing for ${name}`, async () => {
      const { db } = await seeded();
      expect(await knownTexts(db, findings, new Map(written))).toEqual([]);
    });
  }
});
