import { z } from 'zod';
import { lazy } from '../domain/lazy';

/**
 * - `off`: threads are not read for logging at all;
 * - `ask`: the side panel offers the thread's emails with a known party, one click logs them;
 * - `auto`: they are logged as soon as the thread is read, each log undoable.
 */
export const EMAIL_LOG_MODES = ['off', 'ask', 'auto'] as const;
export const EmailLogModeSchema = lazy(() => z.enum(EMAIL_LOG_MODES));
export type EmailLogMode = z.infer<typeof EmailLogModeSchema>;

/** How much of a message's text may be kept beside its headers, when the user allows it. */
export const OPENING_LENGTH = 280;

export const EmailLogSettingsSchema = lazy(() =>
  z.object({
    mode: EmailLogModeSchema,
    /** The user's own addresses (besides the account each webmail page shows): their mail is outbound. */
    ownAddresses: z.array(z.string().max(320)).max(50),
    /** Keep the first OPENING_LENGTH characters of each message; only headers otherwise. */
    keepOpening: z.boolean(),
    /** Never log mail with people at the user's own domain (colleagues). */
    skipOwnDomain: z.boolean(),
    /** "People you email" lists an unknown correspondent written to in more than this many threads. */
    suggestAfter: z.number().int().min(1).max(50),
  }),
);
export type EmailLogSettings = z.infer<typeof EmailLogSettingsSchema>;

export const DEFAULT_EMAIL_LOG: EmailLogSettings = {
  mode: 'ask',
  ownAddresses: [],
  keepOpening: false,
  skipOwnDomain: false,
  suggestAfter: 2,
};
