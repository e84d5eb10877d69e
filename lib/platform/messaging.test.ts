import { describe, expect, it } from 'vitest';
import { readReply } from './messaging';

describe('readReply', () => {
  it.each([
    [
      { ok: true, value: { rows: [] } },
      { ok: true, value: { rows: [] } },
    ],
    [
      { ok: false, error: { code: 'not_found', message: 'gone' } },
      { ok: false, error: { code: 'not_found', message: 'gone' } },
    ],
  ])('passes a well-formed reply through: %j', (raw, expected) => {
    expect(readReply(raw, 'x/y')).toEqual(expected);
  });

  it.each([
    undefined,
    null,
    'ok',
    {},
    { ok: true },
    { ok: false },
    { ok: false, error: { code: 1 } },
  ])('calls %j unreadable', (raw) => {
    expect(readReply(raw, 'x/y')).toEqual({
      ok: false,
      error: { code: 'bad_reply', message: 'An unreadable answer to x/y.' },
    });
  });
});
