import { UiTextSchema } from '../domain/ui-text-schema';
import { z } from 'zod';
import { IdSchema, InstantSchema } from '../domain/ids';
import { RelationshipKindSchema } from '../domain/relationship';
import { lazy } from '../domain/lazy';

/** A contact the panel offers to add, as the click or the page described it. */
export const IntentContactSchema = lazy(() =>
  z.object({
    name: z.string().max(200).optional(),
    emails: z.array(z.string().max(320)).max(20),
    phones: z.array(z.string().max(64)).max(20),
    organization: z.string().max(200).optional(),
    title: z.string().max(200).optional(),
    website: z.string().max(2048).optional(),
  }),
);
export type IntentContact = z.infer<typeof IntentContactSchema>;

/**
 * What a right-click asked the side panel to show, handed over through
 * `storage.session` (the panel may open before the worker has finished, or be open
 * already). `follow` is the panel's own behaviour: the sender of the open message,
 * or the page's contacts.
 */
export const PanelIntentSchema = lazy(() =>
  z.object({
    at: InstantSchema,
    show: z.discriminatedUnion('view', [
      z.object({ view: z.literal('party'), partyId: IdSchema }),
      z.object({
        view: z.literal('add'),
        contact: IntentContactSchema,
        kind: RelationshipKindSchema.optional(),
      }),
      z.object({ view: z.literal('page') }),
      z.object({ view: z.literal('follow') }),
    ]),
    /** The log form takes the focus ("Log an interaction with…"). */
    focus: z.literal('log').optional(),
    /** What happened, or why nothing could, as words the panel says (a sentence, if stored before). */
    notice: z.union([UiTextSchema, z.string().max(500)]).optional(),
  }),
);
export type PanelIntent = z.infer<typeof PanelIntentSchema>;
export type PanelShow = PanelIntent['show'];

/** An intent older than this was never picked up (the panel did not open) and is dropped. */
export const INTENT_LIFETIME_MS = 5 * 60_000;
