import { z } from 'zod';
import { InteractionSchema } from '../../domain/interaction';
import { EmailLogModeSchema } from '../../email/email-settings';
import { MAX_THREAD_MESSAGES, OPENING_READ } from '../../detect/thread-types';
import { defineMessage } from '../define';
import { lazy } from '../../domain/lazy';

const PersonSchema = lazy(() =>
  z.object({
    email: z.string().max(320),
    name: z.string().max(200).optional(),
  }),
);

/** A webmail thread as the thread script reads it: every field came from a page, and is bounded. */
export const ThreadReportSchema = lazy(() =>
  z.object({
    site: z.enum(['gmail', 'outlook']),
    url: z.string().max(2048),
    subject: z.string().max(500).optional(),
    account: z.string().max(320).optional(),
    messages: z
      .array(
        z.object({
          id: z.string().max(500).optional(),
          from: PersonSchema.optional(),
          to: z.array(PersonSchema).max(100),
          date: z.string().max(100).optional(),
          opening: z.string().max(OPENING_READ).optional(),
        }),
      )
      .max(MAX_THREAD_MESSAGES),
  }),
);
export type ThreadReportMessage = z.infer<typeof ThreadReportSchema>;

const TabIdSchema = lazy(() => z.object({ tabId: z.number().int().nonnegative() }));

/** One party's emails in the open thread that are not logged yet (ask mode's offer). */
const OfferSchema = lazy(() =>
  z.object({
    partyId: z.string().max(64),
    name: z.string().max(500),
    count: z.number().int().nonnegative(),
  }),
);

export const ThreadStatusSchema = lazy(() =>
  z.object({
    mode: EmailLogModeSchema,
    /** False when the tab shows no webmail thread. */
    thread: z.boolean(),
    subject: z.string().optional(),
    offers: z.array(OfferSchema),
    /** The thread's logged messages, newest first, each with its party's name. */
    logged: z.array(z.object({ interaction: InteractionSchema, name: z.string() })),
  }),
);
export type ThreadStatus = z.infer<typeof ThreadStatusSchema>;

export const PersonYouEmailSchema = lazy(() =>
  z.object({
    email: z.string(),
    name: z.string().optional(),
    threads: z.number().int(),
  }),
);
export type PersonYouEmail = z.infer<typeof PersonYouEmailSchema>;

/** Email that logs itself: the thread script's report, and what the surfaces ask about it. */
export const emailMessages = {
  /** The thread script reports the open thread's message headers; the background decides. */
  'email/threadRead': defineMessage(() => ({
    sender: 'content',
    request: ThreadReportSchema,
    /** `opening`: the user keeps messages' openings, so the script reads them too from now on. */
    response: z.object({ opening: z.boolean().optional() }),
  })),
  /** What the tab's thread holds: the offer (ask mode) and what is logged. */
  'email/thread': defineMessage(() => ({
    sender: 'extension-page',
    request: TabIdSchema,
    response: ThreadStatusSchema,
  })),
  /** Logs the offered emails of the tab's thread (ask mode's one click). */
  'email/logThread': defineMessage(() => ({
    sender: 'extension-page',
    request: TabIdSchema,
    response: z.object({ logged: z.number().int() }),
  })),
  /** Removes a logged email from the history; it is not logged again. */
  'email/undo': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ interactionId: z.string().min(1).max(64) }),
    response: z.object({ removed: z.boolean() }),
  })),
  /** "People you email": unknown people the user wrote to in several threads. */
  'email/people': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({}),
    response: z.object({ people: z.array(PersonYouEmailSchema) }),
  })),
  /** Never lists this person again. */
  'email/dismissPerson': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ email: z.string().min(3).max(320) }),
    response: z.object({}),
  })),
} as const;
