// Parties with every address-book field (schema version 3), filled with hostile
// text: line breaks, `;`, `,`, `\`, `:`, right-to-left marks, control characters.
import fc from 'fast-check';
import { CONTACT_TYPES, PartySchema, type Party } from '../../lib/domain';
import { escapeText } from '../../lib/transfer/content-line';
import { partyArb, textArb } from './test-books';

const HOSTILE = [
  'a\r\nEND:VCARD\r\nBEGIN:VCARD',
  'semi;colon',
  'com,ma',
  'back\\slash',
  'back\\;slash-semi',
  'trailing\\',
  'colon: value',
  '\\n not a break',
  'line\nbreak',
];
const hostileText = (max: number) =>
  fc.oneof(textArb(max), fc.constantFrom(...HOSTILE)).map((s) => s.trim());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const typesArb = fc.uniqueArray(fc.constantFrom(...CONTACT_TYPES), { maxLength: 2 });
const labelArb = maybe(hostileText(40).filter((s) => s !== ''));
const cardDate = fc.oneof(
  fc
    .date({
      min: new Date(Date.UTC(1900, 0, 1)),
      max: new Date(Date.UTC(2030, 0, 1)),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([m, d]) => `--${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const keptArb = fc.oneof(
  hostileText(60).map((v) => `X-SOCIALPROFILE;TYPE=twitter:${escapeText(v)}`),
  fc.constant('IMPP;X-SERVICE-TYPE=Jabber:xmpp:ada@example.org'),
  fc.constant('GEO:geo:51.5,-0.12'),
  hostileText(40).map((v) => `item7.X-ABRELATEDNAMES:${escapeText(v)}`),
);

/** A party as the store keeps it, with every card field possibly present. */
export const cardPartyArb = (): fc.Arbitrary<Party> =>
  fc
    .tuple(
      partyArb(),
      fc.record({
        nameParts: maybe(
          fc.record({
            prefix: maybe(hostileText(30)),
            given: maybe(hostileText(60)),
            additional: maybe(hostileText(60)),
            family: maybe(hostileText(60)),
            suffix: maybe(hostileText(30)),
          }),
        ),
        nickname: maybe(hostileText(60)),
        organizationUnits: maybe(
          fc.array(
            hostileText(60).filter((s) => s !== ''),
            { minLength: 1, maxLength: 3 },
          ),
        ),
        role: maybe(hostileText(60)),
        addresses: maybe(
          fc.array(
            fc.record({
              types: typesArb,
              label: labelArb,
              poBox: maybe(hostileText(20)),
              street: maybe(hostileText(80)),
              locality: maybe(hostileText(40)),
              region: maybe(hostileText(40)),
              postalCode: maybe(fc.stringMatching(/^[A-Z0-9 -]{1,10}$/)),
              country: maybe(hostileText(40)),
            }),
            { minLength: 1, maxLength: 2 },
          ),
        ),
        birthday: maybe(cardDate),
        anniversary: maybe(cardDate),
        photo: maybe(
          fc
            .base64String({ minLength: 4, maxLength: 200 })
            .map((data) => ({ mediaType: 'image/png', data })),
        ),
        cardProperties: maybe(fc.array(keptArb, { minLength: 1, maxLength: 3 })),
        labelling: fc.array(fc.record({ types: typesArb, label: labelArb }), { maxLength: 6 }),
      }),
    )
    .map(([party, card]) => {
      const { labelling, ...fields } = card;
      const label = (value: string, i: number) => {
        const chosen = labelling[i % Math.max(1, labelling.length)];
        if (!chosen || (chosen.types.length === 0 && !chosen.label)) return [];
        return [
          chosen.label
            ? { value, types: chosen.types, label: chosen.label }
            : { value, types: chosen.types },
        ];
      };
      const withCard = {
        ...party,
        ...fields,
        emailLabels: party.emails.flatMap(label),
        phoneLabels: party.phones.flatMap((p, i) => label(p, i + 1)),
      };
      return PartySchema.parse(JSON.parse(JSON.stringify(withCard)));
    })
    .filter((party) => tidy(party));

/** Drops what the schemas would have refused or the store would not keep (empty parts). */
function tidy(party: Party): boolean {
  for (const key of ['emailLabels', 'phoneLabels'] as const)
    if (party[key]?.length === 0) delete party[key];
  if (party.nameParts) {
    for (const [k, v] of Object.entries(party.nameParts))
      if (!v) delete party.nameParts[k as 'given'];
    if (Object.keys(party.nameParts).length === 0) delete party.nameParts;
  }
  for (const address of party.addresses ?? [])
    for (const [k, v] of Object.entries(address)) if (v === '') delete address[k as 'street'];
  for (const key of ['nickname', 'role'] as const) if (party[key] === '') delete party[key];
  return true;
}
