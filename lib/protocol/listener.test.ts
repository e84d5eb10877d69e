import { describe, expect, it, vi } from 'vitest';
import { ok } from '../domain/result';
import { dispatch, type Handlers } from './listener';

const identity = { id: 'ext', origin: 'chrome-extension://ext/' };
const page = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const content = {
  id: 'ext',
  url: 'https://example.com/',
  tab: { id: 1, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
};

/** Only the handlers a test touches; the rest would throw if reached. */
function handlersWith(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides, {
    get: (target, name: string) =>
      target[name as keyof Handlers] ??
      (() => {
        throw new Error(`unexpected handler ${name}`);
      }),
  }) as Handlers;
}

describe('dispatch', () => {
  it.each([
    ['an unknown name', 'nope/never', {}, page, 'unknown_message'],
    ['a privileged message from a content script', 'search/rows', {}, content, 'forbidden'],
    ['a malformed request', 'parties/get', { id: 42 }, page, 'bad_request'],
  ])('refuses %s before any handler runs', async (_, name, request, sender, code) => {
    const handler = vi.fn();
    const reply = await dispatch(
      handlersWith({ 'search/rows': handler, 'parties/get': handler }),
      identity,
      name,
      request,
      sender,
    );
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code }) });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers with the handler value once it fits the response schema', async () => {
    const reply = await dispatch(
      handlersWith({ 'search/rows': () => Promise.resolve(ok({ rows: [] })) }),
      identity,
      'search/rows',
      {},
      page,
    );
    expect(reply).toEqual({ ok: true, value: { rows: [] } });
  });

  it('turns an answer outside the response schema into an internal error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await dispatch(
      handlersWith({
        'search/rows': () => Promise.resolve(ok({ rows: [{ id: 1 }] } as never)),
      }),
      identity,
      'search/rows',
      {},
      page,
    );
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'internal' }) });
  });

  it('turns a thrown handler into an internal error, never a rejection', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await dispatch(
      handlersWith({ 'search/rows': () => Promise.reject(new Error('disk on fire')) }),
      identity,
      'search/rows',
      {},
      page,
    );
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'internal' }) });
  });
});
