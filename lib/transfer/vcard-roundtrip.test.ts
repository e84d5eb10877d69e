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

/**
 * ical.js (2.x) takes the `;` after an escaped backslash for an escaped `;`:
 * `N:trailing\\;semi\;colon` (the parts "trailing\" and "semi;colon", escaped as
 * RFC 6350 says, and read so by our reader) comes back as one part,
 * "trailing\;semi;colon". This is what ical.js makes of such parts: each one that
 * ends in a backslash joined to the next.
 */
function asIcalSplits(parts: string[]): string[] {
  const out: string[] = [];
  let carried: string | null = null;
  for (const part of parts) {
    const joined: string = carried === null ? part : `${carried};${part}`;
    carried = joined.endsWith('\\') ? joined : null;
    if (carried === null) out.push(joined);
  }
  if (carried !== null) out.push(carried);
  return out;
}

/**
 * The fields written from their structure, as ical.js reads them: N's five parts, ORG
 * with its units, TITLE, ROLE, CATEGORIES, one TEL per phone, one URL per website,
 * one ADR per address with its parts, and BDAY's month and day.
 */
function expectStructureRead(card: ICAL.Component, party: Party) {
  const structured = (parts: (string | undefined)[]) =>
    asIcalSplits(parts.map((part) => lines(part ?? '')));
  const n = party.nameParts ?? {};
  expect(card.getFirstPropertyValue('n')).toEqual(
    structured([n.family, n.given, n.additional, n.prefix, n.suffix]),
  );
  const organization =
    party.organizationName ?? (party.type === 'organization' ? party.name : undefined);
  if (organization !== undefined || party.organizationUnits?.length) {
    const org = card.getFirstPropertyValue('org');
    expect(Array.isArray(org) ? org : [org]).toEqual(
      structured([organization ?? '', ...(party.organizationUnits ?? [])]),
    );
  } else expect(card.getFirstProperty('org')).toBeNull();
  for (const key of ['title', 'role'] as const)
    expect(icalText(card.getFirstPropertyValue(key)) ?? undefined).toBe(
      party[key] ? lines(party[key]) : undefined,
    );
  expect((card.getFirstProperty('categories')?.getValues() ?? []).map(icalText)).toEqual(
    party.tags.map(lines),
  );
  expect(card.getAllProperties('tel')).toHaveLength(party.phones.length);
  const sites = [party.website, ...(party.moreWebsites ?? [])].filter(Boolean);
  expect(card.getAllProperties('url')).toHaveLength(sites.length);
  card.getAllProperties('adr').forEach((adr, i) => {
    const a = party.addresses![i]!;
    expect(adr.getFirstValue()).toEqual(
      structured([a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country]),
    );
  });
  if (party.birthday) {
    const bday = card.getFirstPropertyValue('bday') as { month: number; day: number } | null;
    const [, month, day] = /(\d\d)-(\d\d)$/.exec(party.birthday)!;
    expect([bday?.month, bday?.day]).toEqual([Number(month), Number(day)]);
  }
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
            expectStructureRead(card, party);
          });
        }),
        { numRuns: 150, endOnFailure: true },
      );
    },
  );
});
