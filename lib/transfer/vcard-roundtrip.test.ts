import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Party, PartyDraft } from '../domain';
import { cardPartyArb } from '../../tests/support/card-arb';
import { readVcards } from './vcard-read';
import { partiesToVcards, type VcardVersion } from './vcard-write';

// vCard has one escaped line break (\n): a CR or CRLF comes back as LF.
const lines = (value: string) => value.replace(/\r\n?/g, '\n');
/**
 * ical.js reads `\\`, `\,` and `\n` in a TEXT value but leaves `\;` as it is
 * (vcard-parse.ts works around the same): the one escape finished here.
 */
const icalText = (value: unknown) =>
  typeof value === 'string' ? value.replace(/\\;/g, ';') : value;
const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;

/** What reading a party's exported card must give: every field, line breaks as LF. */
function expectedDraft(p: Party): PartyDraft {
  const labels = (list: Party['emailLabels']) =>
    list?.map((l) => defined({ ...l, label: l.label === undefined ? undefined : lines(l.label) }));
  const parts =
    p.nameParts &&
    defined(Object.fromEntries(Object.entries(p.nameParts).map(([k, v]) => [k, v && lines(v)])));
  return defined({
    type: p.type,
    name: lines(p.name),
    kind: p.kind,
    emails: p.emails,
    phones: p.phones,
    tags: p.tags.map(lines),
    notes: lines(p.notes),
    organizationName:
      p.organizationName && !(p.type === 'organization' && p.organizationName === p.name)
        ? lines(p.organizationName)
        : undefined,
    organizationUnits: p.organizationUnits?.map(lines),
    title: p.title ? lines(p.title) : undefined,
    role: p.role ? lines(p.role) : undefined,
    nickname: p.nickname ? lines(p.nickname) : undefined,
    nameParts: parts,
    website: p.website,
    emailLabels: labels(p.emailLabels),
    phoneLabels: labels(p.phoneLabels),
    addresses: p.addresses?.map((a) =>
      defined(
        Object.fromEntries(
          Object.entries(a).map(([k, v]) => [k, typeof v === 'string' ? lines(v) : v]),
        ),
      ),
    ),
    birthday: p.birthday,
    anniversary: p.anniversary,
    photo: p.photo,
    cardProperties: p.cardProperties,
    // The exported card's UID comes back with it: a card from elsewhere keeps its own.
    cardUid: p.cardUid ?? `urn:uuid:${p.id}`,
  } as PartyDraft);
}

describe('vCard round trip of whole cards', { timeout: 120_000 }, () => {
  it.each(['4.0', '3.0'] as VcardVersion[])(
    '%s: the project’s reader gives back every field of random books with hostile strings',
    (version) => {
      fc.assert(
        fc.property(fc.array(cardPartyArb(), { minLength: 1, maxLength: 4 }), (parties) => {
          const text = partiesToVcards(parties, version);
          const { drafts, problems } = readVcards(text, 'customer');
          expect(problems).toEqual([]);
          expect(drafts.map((d) => defined(d.value))).toEqual(parties.map(expectedDraft));
        }),
        { numRuns: 150, endOnFailure: true },
      );
    },
  );

  it.each(['4.0', '3.0'] as VcardVersion[])(
    '%s: ical.js reads the same number of cards with the same values',
    (version) => {
      fc.assert(
        fc.property(fc.array(cardPartyArb(), { minLength: 1, maxLength: 4 }), (parties) => {
          const text = partiesToVcards(parties, version);
          const parsed = ICAL.parse(text) as unknown[];
          const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map(
            (jcal) => new ICAL.Component(jcal as unknown[]),
          );
          expect(cards).toHaveLength(parties.length);
          cards.forEach((card, i) => {
            const party = parties[i]!;
            expect(card.getFirstPropertyValue('uid')).toBe(party.cardUid ?? `urn:uuid:${party.id}`);
            expect(icalText(card.getFirstPropertyValue('fn'))).toBe(lines(party.name));
            expect(card.getAllProperties('email').map((e) => e.getFirstValue())).toEqual(
              party.emails,
            );
            expect(card.getAllProperties('adr')).toHaveLength(party.addresses?.length ?? 0);
            const note = icalText(card.getFirstPropertyValue('note'));
            expect(note ?? '').toBe(lines(party.notes));
            if (party.nickname)
              expect(icalText(card.getFirstPropertyValue('nickname'))).toBe(lines(party.nickname));
          });
        }),
        { numRuns: 150, endOnFailure: true },
      );
    },
  );
});
