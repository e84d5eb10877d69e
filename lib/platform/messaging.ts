import { browser } from 'wxt/browser';
import type { Result } from '../domain/result';
import { CHANNEL, ReplySchema, type Envelope } from '../protocol/envelope';
import { messages, type MessageName, type RequestInput, type Response } from '../protocol/messages';

/**
 * Sends a message to the background and parses its reply. A failure (the worker
 * could not be reached, or answered with an error) comes back as a Result the UI
 * can show, never as a thrown exception.
 */
export async function sendMessage<N extends MessageName>(
  name: N,
  request: RequestInput<N>,
): Promise<Result<Response<N>>> {
  const envelope: Envelope = { channel: CHANNEL, name, request };
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(envelope);
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'unreachable',
        message: `Clientele's background did not answer (${String(error)}).`,
      },
    };
  }
  const reply = ReplySchema.safeParse(raw);
  if (!reply.success)
    return { ok: false, error: { code: 'bad_reply', message: 'An unreadable answer came back.' } };
  if (!reply.data.ok) return { ok: false, error: reply.data.error };
  const value = messages[name].response.safeParse(reply.data.value);
  if (!value.success)
    return { ok: false, error: { code: 'bad_reply', message: `An unreadable answer to ${name}.` } };
  return { ok: true, value: value.data as Response<N> };
}
