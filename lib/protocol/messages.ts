import type { z } from 'zod';
import { dueMessages } from './areas/due';
import { emailMessages } from './areas/email';
import { interactionMessages } from './areas/interactions';
import { pageMessages } from './areas/page';
import { relationshipMessages } from './areas/relationships';
import { panelMessages } from './areas/panel';
import { partyMessages } from './areas/parties';
import { searchMessages } from './areas/search';
import { serviceMessages } from './areas/services';
import { syncMessages } from './areas/sync';
import { transferMessages } from './areas/transfer';
import { undoMessages } from './areas/undo';

/**
 * Every message the background answers: its name (`area/verb`), request and
 * response schemas, and who may send it. Each area keeps its messages in
 * `areas/`; the handler map in the background must cover every name here, or it
 * does not compile.
 */
export const messages = {
  ...pageMessages,
  ...partyMessages,
  ...interactionMessages,
  ...searchMessages,
  ...dueMessages,
  ...serviceMessages,
  ...transferMessages,
  ...panelMessages,
  ...relationshipMessages,
  ...undoMessages,
  ...emailMessages,
  ...syncMessages,
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
