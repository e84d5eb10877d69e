import { z } from 'zod';
import { isCardDate } from './card-date';
import { lazy } from './lazy';

/*
 * The address-book fields of a party (schema version 3): what a contacts app puts
 * on a card, held in structure so a party can go out as a vCard and come back whole
 * (export, and two-way CardDAV sync). Every field is optional: a record written by
 * an earlier version simply has none of them.
 */

const part = lazy(() => z.string().trim().max(500));

/** N's five parts, in the order people read them (vCard writes family first). */
export const NamePartsSchema = lazy(() =>
  z.object({
    prefix: part.optional(),
    given: part.optional(),
    additional: part.optional(),
    family: part.optional(),
    suffix: part.optional(),
  }),
);
export type NameParts = z.infer<typeof NamePartsSchema>;
/** The types vCard and exporters give a value; anything else travels as `label`. */
export const CONTACT_TYPES = ['work', 'home', 'mobile', 'fax', 'pager', 'other'] as const;
export const ContactTypeSchema = lazy(() => z.enum(CONTACT_TYPES));
export type ContactType = z.infer<typeof ContactTypeSchema>;

/**
 * Which kind of email, phone or website a value is, keyed by the value as the record
 * stores it (normalised address, E.164 phone, URL). A list, not an object keyed by
 * value: a value from a file could be `__proto__`. `label` is an exporter's own word
 * (Apple's X-ABLabel, “Assistant”, “School”), kept as written.
 */
export const ValueLabelSchema = lazy(() =>
  z.object({
    value: z.string().max(2048),
    types: z.array(ContactTypeSchema).max(CONTACT_TYPES.length),
    label: z.string().trim().max(100).optional(),
  }),
);
export type ValueLabel = z.infer<typeof ValueLabelSchema>;

export const PostalAddressSchema = lazy(() =>
  z.object({
    types: z.array(ContactTypeSchema).max(CONTACT_TYPES.length),
    label: z.string().trim().max(100).optional(),
    poBox: part.optional(),
    extended: part.optional(),
    street: z.string().trim().max(1000).optional(),
    locality: part.optional(),
    region: part.optional(),
    postalCode: z.string().trim().max(40).optional(),
    country: part.optional(),
  }),
);
export type PostalAddress = z.infer<typeof PostalAddressSchema>;
export { ADDRESS_PARTS } from './address-parts';

/**
 * A calendar date, the year optional: `1815-12-10`, or `--12-10` when the year is
 * not known (vCard 4.0's form; Apple writes 1604 with X-APPLE-OMIT-YEAR instead).
 */
export const CardDateSchema = lazy(() =>
  z.string().refine(isCardDate, 'a date such as 1990-04-15, or --04-15 without the year'),
);
export type CardDate = z.infer<typeof CardDateSchema>;

/**
 * Photos are kept up to this size (decoded): a contact's picture as phones export
 * it is 5–60 KB; a larger one is reported by name on import rather than stored in
 * every copy of the record (backups, the sync base).
 */
export const MAX_PHOTO_BYTES = 128 * 1024;
export const PhotoSchema = lazy(() =>
  z.object({
    mediaType: z.string().regex(/^image\/[a-z0-9.+-]{1,40}$/),
    /** Base64 of the image bytes. */
    data: z
      .string()
      .max(Math.ceil(MAX_PHOTO_BYTES / 3) * 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  }),
);
export type Photo = z.infer<typeof PhotoSchema>;

/**
 * Card properties Clientele has no field for (other apps' X- properties, IMPP,
 * RELATED, GEO, grouped `item1.` lines, a value that could not be read), each one
 * unfolded content line exactly as the card held it, written back on export.
 */
export const KeptPropertiesSchema = lazy(() => z.array(z.string().max(20_000)).max(500));

/**
 * The fields, shared by the stored record and the draft that creates one: built by
 * the schemas that spread them, when they are built.
 */
export const cardFields = () => ({
  nameParts: NamePartsSchema.optional(),
  nickname: part.optional(),
  organizationUnits: z.array(part.min(1)).max(10).optional(),
  role: part.optional(),
  emailLabels: z.array(ValueLabelSchema).max(50).optional(),
  phoneLabels: z.array(ValueLabelSchema).max(50).optional(),
  /** Websites besides `website` (the preferred one), in the card's order. */
  moreWebsites: z.array(z.string().max(2048)).max(50).optional(),
  websiteLabels: z.array(ValueLabelSchema).max(51).optional(),
  addresses: z.array(PostalAddressSchema).max(20).optional(),
  birthday: CardDateSchema.optional(),
  anniversary: CardDateSchema.optional(),
  photo: PhotoSchema.optional(),
  cardProperties: KeptPropertiesSchema.optional(),
  /**
   * The UID of the card the record came from, when another app made it: written back
   * on export, and what sync needs to recognise that card on the user's server rather
   * than upload a second one. A record made here has none (its id is its UID).
   */
  cardUid: z.string().trim().min(1).max(1000).optional(),
});
