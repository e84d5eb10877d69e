import { z } from 'zod';
import { SNOOZE_CHOICES } from '../../domain/local-calendar';
import { FollowUpDraftSchema, FollowUpSchema } from '../../domain/follow-up';
import { IdSchema, InstantSchema } from '../../domain/ids';
import {
  DirectionSchema,
  InteractionSchema,
  InteractionTypeSchema,
} from '../../domain/interaction';
import { RelationshipKindSchema } from '../../domain/relationship';
import { defineMessage } from '../define';
import { PartyViewSchema } from '../contact-schemas';
import { lazy } from '../../domain/lazy';

/** A follow-up by its id, or a party's check-in. */
export const DueRefSchema = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('followUp'), id: IdSchema }),
    z.object({ kind: z.literal('checkIn'), partyId: IdSchema }),
  ]),
);

export const DueItemSchema = lazy(() =>
  z.object({
    kind: z.enum(['followUp', 'checkIn']),
    key: z.string().max(200),
    partyId: IdSchema,
    partyName: z.string().max(500),
    partyKind: RelationshipKindSchema,
    dueAt: InstantSchema,
    state: z.enum(['overdue', 'today', 'soon']),
    followUpId: IdSchema.optional(),
    note: z.string().max(2000).optional(),
  }),
);
export type DueItemView = z.infer<typeof DueItemSchema>;

/** The interaction "Done, log it" records; every field has a quick default. */
export const DueLogSchema = lazy(() =>
  z.object({
    type: InteractionTypeSchema.default('note'),
    direction: DirectionSchema.default('outbound'),
    summary: z.string().trim().max(10_000).optional(),
  }),
);

/** Check-ins and follow-ups that are due: listing, done, snooze; a party's follow-ups. */
export const dueMessages = {
  /** What is due today or overdue, and the check-ins due soon, soonest first. */
  'due/list': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ limit: z.number().int().min(1).max(500).default(200) }),
    response: z.object({
      items: z.array(DueItemSchema),
      /** Due today or overdue, over everything (not only the items sent). */
      count: z.number().int().nonnegative(),
      /** How many items there are in all, when more than `limit`. */
      total: z.number().int().nonnegative(),
    }),
  })),
  /**
   * Done. A follow-up closes (and with `log`, an interaction is recorded, resetting the
   * check-in); a check-in is done by logging (`log` optional, a note by default).
   * `requestId` makes a retry safe; without it the occurrence itself is the id.
   */
  'due/complete': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      item: DueRefSchema,
      log: DueLogSchema.optional(),
      requestId: z.string().min(1).max(100).optional(),
    }),
    response: z.object({
      replayed: z.boolean(),
      followUp: FollowUpSchema.optional(),
      interaction: InteractionSchema.optional(),
      view: PartyViewSchema.optional(),
    }),
  })),
  /** Later: tomorrow or next week at 9:00 local time, or a chosen instant. */
  'due/snooze': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      item: DueRefSchema,
      until: z.union([z.enum(SNOOZE_CHOICES), InstantSchema]),
    }),
    response: z.object({
      dueAt: InstantSchema,
      followUp: FollowUpSchema.optional(),
      view: PartyViewSchema.optional(),
    }),
  })),
  /** A party's open follow-ups, due or not yet, soonest first (the record lists them). */
  'followUps/list': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ partyId: IdSchema }),
    response: z.object({ followUps: z.array(FollowUpSchema) }),
  })),
  /** Sets a follow-up on its own, from the record; `requestId` makes a retry safe. */
  'followUps/create': defineMessage(() => ({
    sender: 'extension-page',
    request: FollowUpDraftSchema,
    response: z.object({ followUp: FollowUpSchema, replayed: z.boolean() }),
  })),
} as const;
