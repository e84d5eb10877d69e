import { browser } from 'wxt/browser';
import { refusal, type Result } from '../domain/result';
import type { UiText } from '../domain/ui-text';
import { CHANNEL } from '../protocol/channel';
import type { MessageName, RequestInput, Response } from '../protocol/messages';

/**
 * Sends a message to the background and hands back its reply. A failure (the worker
 * could not be reached, or answered with an error) comes back as a Result the UI
 * can show, never as a thrown exception.
 *
 * Replies are checked against their zod schema in the background, before they are
 * sent (lib/protocol/listener.ts), and only extension contexts can answer a
 * runtime message — content scripts cannot. So a surface checks the reply's outer
 * shape here and trusts the value, which keeps zod and every schema out of the
 * popup, side panel and options bundles.
 */
export async function sendMessage<N extends MessageName>(
  name: N,
  request: RequestInput<N>,
): Promise<Result<Response<N>>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ channel: CHANNEL, name, request });
  } catch (error) {
    return {
      ok: false,
      error: refusal('unreachable', 'error_unreachable', { detail: String(error).slice(0, 500) }),
    };
  }
  return readReply<Response<N>>(raw, name);
}

/**
 * The reply's outer shape: `{ok: true, value}` or `{ok: false, error: {code, message}}`,
 * the message a text code the page words (the background's refusals are all codes).
 */
export function readReply<Value>(raw: unknown, name: string): Result<Value> {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    if (raw.ok === true && 'value' in raw) return { ok: true, value: raw.value as Value };
    if (raw.ok === false && 'error' in raw) {
      const error = raw.error as { code?: unknown; message?: unknown } | null;
      if (typeof error?.code === 'string' && isWords(error.message))
        return { ok: false, error: { code: error.code, message: error.message } };
    }
  }
  return { ok: false, error: refusal('bad_reply', 'error_bad_reply', { name }) };
}

function isWords(value: unknown): value is UiText {
  if (typeof value !== 'object' || value === null) return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  return typeof code === 'string' && typeof params === 'object' && params !== null;
}
