import { describe, expect, it } from 'vitest';
import { say } from '../ui/ui-text';
import { readReply } from './messaging';

const GONE = { code: 'error_record_gone', params: {} };

describe('readReply', () => {
  it.each([
    [
      { ok: true, value: { rows: [] } },
      { ok: true, value: { rows: [] } },
    ],
    [
      { ok: false, error: { code: 'not_found', message: GONE } },
      { ok: false, error: { code: 'not_found', message: GONE } },
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
    // A refusal in a sentence, not a code: the page could not word it.
    { ok: false, error: { code: 'not_found', message: 'gone' } },
  ])('calls %j unreadable', (raw) => {
    const read = readReply(raw, 'x/y');
    expect(read).toEqual({
      ok: false,
      error: { code: 'bad_reply', message: { code: 'error_bad_reply', params: { name: 'x/y' } } },
    });
    expect(!read.ok && say(read.error.message)).toBe('An unreadable answer to x/y.');
  });
});
