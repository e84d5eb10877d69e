// Generated books for property tests: every record valid under the domain schemas,
// with Unicode, right-to-left text, emoji and very long notes.
import fc from 'fast-check';
import {
  EngagementSchema,
  FollowUpSchema,
  InteractionSchema,
  normalizeEmail,
  PartySchema,
  PurchaseSchema,
  ServiceSchema,
  type Party,
} from '../../lib/domain';
import type { BackupRecords } from '../../lib/transfer/backup-records';

const SAMPLES = [
  'שלום עולם',
  'مرحبا بالعالم',
  'Zoë Ångström',
  '李小龍',
  '👩🏽‍💼 Ops',
  'a\u200Fb',
  '=SUM(A1)',
  '+1 (555)',
  '"quoted", text;',
];

/** Text that survives the schemas' trimming unchanged. */
export const textArb = (maxLength: number) =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 60) }),
      fc.constantFrom(...SAMPLES),
      fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 40) }),
    )
    .map((s) => s.trim().slice(0, maxLength).trim());

const nonEmptyText = (maxLength: number) =>
  textArb(maxLength).map((s) => (s === '' ? 'Ünnamed' : s));

const notesArb = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 10_000, maxLength: 10_000 }) },
);

const idArb = fc.uuid();
const instant = fc.integer({ min: 0, max: 4_102_444_800_000 });
const dateArb = fc
  .date({
    min: new Date(Date.UTC(1990, 0, 1)),
    max: new Date(Date.UTC(2090, 0, 1)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

export const emailArb = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}[a-z0-9]$/),
    fc.constantFrom('example.com', 'northwind.example', 'bücher.de', 'xn--bcher-kva.example'),
  )
  .map(([local, domain]) => normalizeEmail(`${local.replace(/\.{2,}/g, '.')}@${domain}`))
  .filter((e): e is string => e !== null);

export const phoneArb = fc
  .tuple(
    fc.constantFrom('+1212555', '+4420794', '+3312345', '+8190123'),
    fc.integer({ min: 1000, max: 9999 }),
  )
  .map(([prefix, n]) => `${prefix}${n}`);

const kindArb = fc.constantFrom('prospect', 'customer', 'client', 'former' as const);
const money = fc.record({
  amountMinor: fc.integer({ min: -1e9, max: 1e9 }),
  currency: fc.constantFrom('EUR', 'USD', 'JPY'),
});
const terms = fc.oneof(
  fc.record({
    pricingModel: fc.constantFrom('hourly', 'fixed-fee', 'one-time' as const),
    rate: money,
  }),
  fc.record({
    pricingModel: fc.constantFrom('retainer', 'subscription' as const),
    rate: money,
    billingPeriod: fc.constantFrom('week', 'month', 'quarter', 'year' as const),
  }),
);

/** A party; `full` fills every optional field, `bare` leaves every one out. */
export const partyArb = (mode: 'any' | 'full' | 'bare' = 'any') => {
  const optional = <T>(arb: fc.Arbitrary<T>) =>
    mode === 'full'
      ? arb
      : mode === 'bare'
        ? fc.constant(undefined)
        : fc.option(arb, { nil: undefined });
  return fc
    .record({
      id: idArb,
      type: fc.constantFrom('person', 'organization' as const),
      name: nonEmptyText(500),
      kind: kindArb,
      kindHistory: fc.array(
        fc.record({
          kind: kindArb,
          at: instant,
          from: optional(kindArb),
          reason: optional(textArb(500)),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      emails: fc.uniqueArray(emailArb, { maxLength: mode === 'bare' ? 0 : 3 }),
      phones: fc.uniqueArray(phoneArb, { maxLength: mode === 'bare' ? 0 : 3 }),
      domains: fc.uniqueArray(fc.constantFrom('northwind.example', 'xn--bcher-kva.de'), {
        maxLength: mode === 'bare' ? 0 : 2,
      }),
      organizationId: optional(idArb),
      organizationName: optional(textArb(500)),
      title: optional(textArb(500)),
      website: optional(fc.webUrl()),
      tags: fc.uniqueArray(nonEmptyText(100), { maxLength: mode === 'bare' ? 0 : 4 }),
      notes:
        mode === 'full'
          ? fc.string({ unit: 'grapheme', minLength: 10_000, maxLength: 10_000 })
          : notesArb,
      captured: optional(fc.record({ url: fc.webUrl(), at: instant })),
      prospect: optional(
        fc.record({
          source: optional(textArb(200)),
          stage: fc.constantFrom(
            'new',
            'contacted',
            'qualified',
            'proposal',
            'negotiation' as const,
          ),
          nextStep: optional(textArb(500)),
        }),
      ),
      checkInDays: optional(fc.integer({ min: 1, max: 3650 })),
      lastInteractionAt: optional(instant),
      nextCheckInAt: optional(instant),
      createdAt: instant,
      updatedAt: instant,
    })
    .map((raw) => PartySchema.parse(stripUndefined(raw)));
};

const recordsFor = (parties: Party[]) => {
  const partyId = parties.length ? fc.constantFrom(...parties.map((p) => p.id)) : idArb;
  return fc.record({
    interactions: fc.array(
      fc
        .record({
          id: idArb,
          partyId,
          type: fc.constantFrom('email', 'call', 'meeting', 'message', 'note' as const),
          direction: fc.constantFrom('outbound', 'inbound' as const),
          at: instant,
          summary: fc.string({ unit: 'grapheme', maxLength: 300 }),
          link: fc.option(fc.constantFrom('https://mail.example/t/1', 'mailto:a@b.example'), {
            nil: undefined,
          }),
          requestId: idArb,
          createdAt: instant,
        })
        .map((raw) => InteractionSchema.parse(stripUndefined(raw))),
      { maxLength: 6 },
    ),
    followUps: fc.array(
      fc
        .record({
          id: idArb,
          partyId,
          dueAt: instant,
          note: fc.string({ unit: 'grapheme', maxLength: 200 }),
          status: fc.constantFrom('open', 'done' as const),
          interactionId: fc.option(idArb, { nil: undefined }),
          doneAt: fc.option(instant, { nil: undefined }),
          createdAt: instant,
        })
        .map((raw) => FollowUpSchema.parse(stripUndefined(raw))),
      { maxLength: 4 },
    ),
    services: fc.array(
      fc
        .record({
          id: idArb,
          name: nonEmptyText(200),
          scope: fc.string({ unit: 'grapheme', maxLength: 200 }),
          terms,
          archived: fc.boolean(),
          createdAt: instant,
          updatedAt: instant,
        })
        .map((raw) => ServiceSchema.parse(raw)),
      { maxLength: 3 },
    ),
    engagements: fc.array(
      fc
        .record({
          id: idArb,
          partyId,
          serviceId: fc.option(idArb, { nil: undefined }),
          serviceName: nonEmptyText(200),
          terms,
          startOn: dateArb,
          endOn: fc.option(dateArb, { nil: undefined }),
          renewOn: fc.option(dateArb, { nil: undefined }),
          status: fc.constantFrom('proposed', 'active', 'paused', 'ended' as const),
          scopeNotes: fc.string({ unit: 'grapheme', maxLength: 200 }),
          createdAt: instant,
          updatedAt: instant,
        })
        .map((raw) => EngagementSchema.parse(stripUndefined(raw))),
      { maxLength: 3 },
    ),
    purchases: fc.array(
      fc
        .record({
          id: idArb,
          partyId,
          on: dateArb,
          amount: money,
          description: nonEmptyText(1000),
          recurrence: fc.constantFrom('one-time', 'recurring' as const),
          createdAt: instant,
        })
        .map((raw) => PurchaseSchema.parse(raw)),
      { maxLength: 3 },
    ),
  });
};

/** A whole book: unique ids per store and unique request ids, as the store guarantees. */
export const bookArb = (maxParties = 6): fc.Arbitrary<BackupRecords> =>
  fc
    .uniqueArray(partyArb(), { maxLength: maxParties, selector: (p) => p.id })
    .chain((parties) => recordsFor(parties).map((rest) => ({ parties, ...rest })))
    .map((book) => ({
      parties: uniqueBy(book.parties, (r) => r.id),
      interactions: uniqueBy(
        uniqueBy(book.interactions, (r) => r.id),
        (r) => r.requestId,
      ),
      followUps: uniqueBy(book.followUps, (r) => r.id),
      services: uniqueBy(book.services, (r) => r.id),
      engagements: uniqueBy(book.engagements, (r) => r.id),
      purchases: uniqueBy(book.purchases, (r) => r.id),
    }));

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

function stripUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
