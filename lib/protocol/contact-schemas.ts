import { z } from 'zod';
import { PartySchema } from '../domain/party';
import { HEALTHS } from '../domain/cadence';
import { lazy } from '../domain/lazy';

/**
 * A contact as a content script reports it. Everything here came from a web page,
 * so every field is bounded and nothing is trusted beyond its shape.
 */
export const DetectedContactSchema = lazy(() =>
  z.object({
    name: z.string().max(200).optional(),
    emails: z.array(z.string().max(320)).max(20),
    phones: z.array(z.string().max(64)).max(20),
    organization: z.string().max(200).optional(),
    title: z.string().max(200).optional(),
    website: z.string().max(2048).optional(),
    role: z.enum(['sender', 'recipient', 'cc', 'quoted', 'signature']).optional(),
    sources: z.array(z.string().max(40)).max(20),
    confidence: z.number().min(0).max(1),
  }),
);
export type DetectedContactMessage = z.infer<typeof DetectedContactSchema>;

export const PageFindingsSchema = lazy(() =>
  z.object({
    url: z.string().max(2048),
    contacts: z.array(DetectedContactSchema).max(2000),
    /** Links to `.vcf` contact cards on the page (http or https only). */
    vcards: z
      .array(
        z
          .string()
          .max(2048)
          .regex(/^https?:\/\//i),
      )
      .max(50)
      .optional(),
    /** The sender of the message in front of the user (webmail): the side panel follows them. */
    openSender: z.string().max(320).optional(),
    /**
     * Message bodies' lines (outside quoted history) with their message's sender: the
     * background reads signatures from them (lib/detect/signature.ts). Never stored.
     */
    signatures: z
      .array(
        z.object({
          lines: z.array(z.string().max(300)).max(300),
          signed: z.boolean().optional(),
          sender: z
            .object({ email: z.string().max(320), name: z.string().max(200).optional() })
            .optional(),
        }),
      )
      .max(100)
      .optional(),
  }),
);
export type PageFindings = z.infer<typeof PageFindingsSchema>;

/** A party as the surfaces show it: the record plus its check-in health now. */
/** How each phone reads to the user (lib/domain/phone.ts `formatPhone`), in the phones' order. */
const PhoneLabelsSchema = lazy(() => z.array(z.string().max(120)).max(50));

export const PartyViewSchema = lazy(() =>
  z.object({
    party: PartySchema,
    health: z.enum(HEALTHS),
    /** For `party.phones`: surfaces show these and carry no phone metadata of their own. */
    phoneLabels: PhoneLabelsSchema.optional(),
  }),
);
export type PartyView = z.infer<typeof PartyViewSchema>;

/** A contact found on a page, and the record it belongs to when it is known. */
export const PageContactSchema = lazy(() =>
  z.object({
    contact: DetectedContactSchema,
    /** For `contact.phones` (E.164 once screened). */
    phoneLabels: PhoneLabelsSchema.optional(),
    known: PartyViewSchema.optional(),
  }),
);
export type PageContact = z.infer<typeof PageContactSchema>;

export const PageContactsSchema = lazy(() =>
  z.object({
    /** False when the page has not been scanned (nothing reported yet). */
    scanned: z.boolean(),
    url: z.string().max(2048).optional(),
    contacts: z.array(PageContactSchema),
    vcards: z.array(z.string()).optional(),
    openSender: z.string().max(320).optional(),
  }),
);
export type PageContacts = z.infer<typeof PageContactsSchema>;
