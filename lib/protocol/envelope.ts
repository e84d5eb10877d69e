import { z } from 'zod';
import { UiTextSchema } from '../domain/ui-text-schema';
import { CHANNEL } from './channel';
import { lazy } from '../domain/lazy';

export { CHANNEL };

/**
 * Every message we send is wrapped in this envelope. Anything else arriving at the
 * listener (another extension's message, a page forging shapes) is not ours and is
 * left unanswered.
 */
export const EnvelopeSchema = lazy(() =>
  z.object({
    channel: z.literal(CHANNEL),
    name: z.string().min(1).max(100),
    request: z.unknown(),
  }),
);
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** A refusal: its code, and its words as a text code the page words (lib/ui/ui-text.ts). */
export const ProtocolErrorSchema = lazy(() =>
  z.object({
    code: z.string().max(100),
    message: UiTextSchema,
  }),
);
export type ProtocolError = z.infer<typeof ProtocolErrorSchema>;

export const ReplySchema = lazy(() =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: ProtocolErrorSchema }),
  ]),
);
export type Reply = z.infer<typeof ReplySchema>;
