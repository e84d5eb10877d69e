import { z } from 'zod';
import { InteractionDraftSchema, InteractionSchema } from '../domain/interaction';
import { FollowUpSchema } from '../domain/follow-up';
import { PartyDraftSchema } from '../domain/party';
import { RelationshipKindSchema } from '../domain/relationship';
import { SearchRowSchema } from '../db/search-row';
import { defineMessage } from './define';
import { PageContactsSchema, PageFindingsSchema, PartyViewSchema } from './contact-schemas';

const TabIdSchema = z.object({ tabId: z.number().int().nonnegative() });
const PartyIdSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Every message the background answers: its name (`area/verb`), request and
 * response schemas, and who may send it. The handler map in the background must
 * cover every name here, or it does not compile.
 */
export const messages = {
  /** A content script reports what it found; the answer says which addresses are known. */
  'page/contactsFound': defineMessage({
    sender: 'content',
    request: PageFindingsSchema,
    /** The known contacts' texts as the page wrote them (addresses, phones), to highlight. */
    response: z.object({
      known: z.array(z.object({ text: z.string(), kind: RelationshipKindSchema })),
    }),
  }),
  /** What was found on a tab, each contact with its record when known. */
  'page/contacts': defineMessage({
    sender: 'extension-page',
    request: TabIdSchema,
    response: PageContactsSchema,
  }),
  /** Scans a tab now (the user asked: the popup opened with activeTab), then answers as page/contacts. */
  'page/scan': defineMessage({
    sender: 'extension-page',
    request: TabIdSchema,
    response: PageContactsSchema,
  }),
  'parties/create': defineMessage({
    sender: 'extension-page',
    request: PartyDraftSchema,
    response: z.object({
      created: z.boolean(),
      matchedBy: z.enum(['email', 'phone']).optional(),
      view: PartyViewSchema,
    }),
  }),
  'parties/get': defineMessage({
    sender: 'extension-page',
    request: PartyIdSchema,
    response: PartyViewSchema,
  }),
  'parties/setKind': defineMessage({
    sender: 'extension-page',
    request: PartyIdSchema.extend({
      kind: RelationshipKindSchema,
      reason: z.string().max(500).optional(),
    }),
    response: PartyViewSchema,
  }),
  'interactions/log': defineMessage({
    sender: 'extension-page',
    request: InteractionDraftSchema,
    response: z.object({
      interaction: InteractionSchema,
      view: PartyViewSchema,
      followUp: FollowUpSchema.optional(),
      replayed: z.boolean(),
    }),
  }),
  'interactions/list': defineMessage({
    sender: 'extension-page',
    request: z.object({
      partyId: z.string().min(1).max(64),
      limit: z.number().int().min(1).max(200).default(20),
      before: z.object({ at: z.number(), id: z.string().max(64) }).optional(),
    }),
    response: z.object({
      interactions: z.array(InteractionSchema),
      next: z.object({ at: z.number(), id: z.string() }).optional(),
    }),
  }),
  /** The search projection, for the popup to search in memory. */
  'search/rows': defineMessage({
    sender: 'extension-page',
    request: z.object({}),
    response: z.object({ rows: z.array(SearchRowSchema) }),
  }),
} as const;

export type Messages = typeof messages;
export type MessageName = keyof Messages;
/** What a sender passes (defaults not yet applied). */
export type RequestInput<N extends MessageName> = z.input<Messages[N]['request']>;
/** What a handler receives (parsed, defaults applied). */
export type Request<N extends MessageName> = z.output<Messages[N]['request']>;
export type Response<N extends MessageName> = z.output<Messages[N]['response']>;

export function isMessageName(name: string): name is MessageName {
  return Object.hasOwn(messages, name);
}
