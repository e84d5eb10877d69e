import type { z } from 'zod';
import { lazy } from '../domain/lazy';

/**
 * Who may send a message:
 * - `content`: a content script in a tab. Pages can influence everything it sees,
 *   so these messages only report and ask; they never write records.
 * - `extension-page`: the popup, side panel or options page (our own origin).
 *   Only these may change records.
 */
export type SenderRole = 'content' | 'extension-page';

export interface MessageDefinition<
  Request extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  sender: SenderRole;
  request: Request;
  response: Response;
}

/**
 * Keeps each definition's exact schema types while checking its shape. The
 * definition is built when it is first read (lib/domain/lazy.ts): a worker woken by
 * one message builds that message's schemas, not those of the other hundred.
 */
export function defineMessage<Request extends z.ZodType, Response extends z.ZodType>(
  definition: () => MessageDefinition<Request, Response>,
): MessageDefinition<Request, Response> {
  return lazy(definition);
}
