import type { Runtime } from 'webextension-polyfill';
import { storageFailure } from '../db/storage-trouble';
import { refusal, type Result } from '../domain/result';
import type { UiTextCode, UiTextParams } from '../domain/ui-text';
import { EnvelopeSchema, type Reply } from './envelope';
import { isMessageName, messages, type MessageName, type Request, type Response } from './messages';
import { senderIsAllowed, type OwnIdentity } from './sender';

export type MessageSender = Runtime.MessageSender;

export type Handler<N extends MessageName> = (
  request: Request<N>,
  sender: MessageSender,
) => Promise<Result<Response<N>>>;

/** One handler per message; a missing one is a compile error. */
export type Handlers = { [N in MessageName]: Handler<N> };

/** The handlers for one area's messages (`areas/*.ts`). */
export type HandlersFor<Area> = { [N in keyof Area & MessageName]: Handler<N> };

/**
 * Builds the background's `runtime.onMessage` listener. It answers only our own
 * envelopes, refuses a sender that may not send the message, parses the request
 * before any handler sees it, and always replies with plain data. Replies go
 * through `sendResponse` with `return true`, which native Chrome, Firefox, the
 * polyfill and the unit tests' fake browser all honour.
 */
export function createMessageListener(handlers: Handlers, identity: OwnIdentity) {
  return (message: unknown, sender: MessageSender, sendResponse: (reply: Reply) => void) => {
    const envelope = EnvelopeSchema.safeParse(message);
    if (!envelope.success) return undefined; // not ours: stay silent, change nothing
    void dispatch(handlers, identity, envelope.data.name, envelope.data.request, sender).then(
      sendResponse,
    );
    return true;
  };
}

export async function dispatch(
  handlers: Handlers,
  identity: OwnIdentity,
  name: string,
  rawRequest: unknown,
  sender: MessageSender,
): Promise<Reply> {
  const named = { name: name.slice(0, 100) };
  if (!isMessageName(name)) return failure('unknown_message', 'error_unknown_message', named);
  const definition = messages[name];
  if (!senderIsAllowed(definition.sender, sender, identity)) {
    return failure('forbidden', 'error_forbidden_sender', named);
  }
  const request = definition.request.safeParse(rawRequest);
  if (!request.success) return failure('bad_request', 'error_bad_request', named);
  try {
    const handler = handlers[name] as Handler<typeof name>;
    const result = await handler(request.data, sender);
    if (!result.ok) return { ok: false, error: result.error };
    // The reply's contract is enforced here, at the source: surfaces trust it.
    const value = definition.response.safeParse(result.value);
    if (!value.success) {
      console.error(`Clientele: ${name} answered outside its schema`, value.error.issues);
      return failure('internal', 'error_internal_reply');
    }
    return { ok: true, value: value.data };
  } catch (error) {
    console.error(`Clientele: ${name} failed`, error);
    // A full quota or storage that cannot open is told as such: the user can act on it.
    const storage = storageFailure(error);
    if (storage) return { ok: false, error: storage };
    return failure('internal', 'error_internal');
  }
}

function failure(code: string, words: UiTextCode, params?: UiTextParams): Reply {
  return { ok: false, error: refusal(code, words, params) };
}
