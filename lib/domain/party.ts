import { z } from 'zod';
import { cardFields, CardDateSchema } from './card-fields';
import { EmailSchema } from './email-schema';
import { IdSchema, InstantSchema } from './ids';
import { PhoneSchema } from './phone-schema';
import { KindChangeSchema, RelationshipKindSchema } from './relationship';
import { lazy } from './lazy';

export const PartyTypeSchema = lazy(() => z.enum(['person', 'organization']));
export type PartyType = z.infer<typeof PartyTypeSchema>;

export const PROSPECT_STAGES = [
  'new',
  'contacted',
  'qualified',
  'proposal',
  'negotiation',
] as const;
export const ProspectStageSchema = lazy(() => z.enum(PROSPECT_STAGES));

/** Only prospects carry these: where they came from and what happens next. */
export const ProspectInfoSchema = lazy(() =>
  z.object({
    source: z.string().max(200).optional(),
    stage: ProspectStageSchema,
    nextStep: z.string().max(500).optional(),
  }),
);
export type ProspectInfo = z.infer<typeof ProspectInfoSchema>;

/** Where a party was first captured: the page and the moment. */
export const CaptureSchema = lazy(() =>
  z.object({
    url: z.string().max(2048),
    at: InstantSchema,
  }),
);

const shortText = lazy(() => z.string().trim().max(500));

/**
 * A person or an organization the user has a relationship with. Emails and phones
 * are stored normalised (lower-cased address, E.164), so lookups are exact; the
 * first of each is the preferred one. The address-book fields (name parts, labels,
 * addresses, dates, photo, kept card properties) are in card-fields.ts.
 */
export const PartySchema = lazy(() =>
  z.object({
    id: IdSchema,
    type: PartyTypeSchema,
    name: z.string().trim().min(1).max(500),
    kind: RelationshipKindSchema,
    kindHistory: z.array(KindChangeSchema).min(1),
    emails: z.array(EmailSchema),
    phones: z.array(PhoneSchema),
    /** For organizations: the email domains that link people to it. */
    domains: z.array(z.string().max(253)),
    organizationId: IdSchema.optional(),
    organizationName: shortText.optional(),
    title: shortText.optional(),
    website: z.string().max(2048).optional(),
    tags: z.array(z.string().trim().min(1).max(100)),
    notes: z.string().max(100_000),
    captured: CaptureSchema.optional(),
    prospect: ProspectInfoSchema.optional(),
    /** Per-party check-in cadence in days; absent means the default for its kind. */
    checkInDays: z.number().int().min(1).max(3650).optional(),
    lastInteractionAt: InstantSchema.optional(),
    nextCheckInAt: InstantSchema.optional(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
    ...cardFields(),
  }),
);
export type Party = z.infer<typeof PartySchema>;

/**
 * What a user (or an import) supplies to create a party. Emails and phones arrive
 * as written; the store normalises them and refuses what cannot be normalised.
 */
export const PartyDraftSchema = lazy(() =>
  z.object({
    type: PartyTypeSchema.default('person'),
    name: z.string().trim().min(1, 'a name is required').max(500),
    kind: RelationshipKindSchema,
    emails: z.array(z.string().max(320)).max(50).default([]),
    phones: z.array(z.string().max(64)).max(50).default([]),
    domains: z.array(z.string().max(253)).max(50).default([]),
    organizationName: shortText.optional(),
    title: shortText.optional(),
    website: z.string().max(2048).optional(),
    tags: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
    notes: z.string().max(100_000).default(''),
    captured: CaptureSchema.optional(),
    prospect: ProspectInfoSchema.optional(),
    checkInDays: z.number().int().min(1).max(3650).optional(),
    ...cardFields(),
    // An empty date means "none", so an edit can clear one.
    birthday: CardDateSchema.or(z.literal('')).optional(),
    anniversary: CardDateSchema.or(z.literal('')).optional(),
  }),
);
export type PartyDraft = z.input<typeof PartyDraftSchema>;
export type ParsedPartyDraft = z.output<typeof PartyDraftSchema>;

/**
 * Changes a user may make to an existing party; kind changes go through lifecycle.
 * The draft's defaults are removed: a patch carries only what it changes, so an
 * absent field never comes back as `[]` or `''` and overwrites what was stored.
 */
export const PartyPatchSchema = lazy(() => {
  const patchFields = PartyDraftSchema.omit({ kind: true, captured: true }).shape;
  return z
    .object({
      ...patchFields,
      type: patchFields.type.unwrap(),
      emails: patchFields.emails.unwrap(),
      phones: patchFields.phones.unwrap(),
      domains: patchFields.domains.unwrap(),
      tags: patchFields.tags.unwrap(),
      notes: patchFields.notes.unwrap(),
    })
    .partial();
});
export type PartyPatch = z.input<typeof PartyPatchSchema>;
