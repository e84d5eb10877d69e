import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email';

describe('normalizeEmail', () => {
  it.each([
    [' Ada@Example.COM ', 'ada@example.com'],
    ['mailto:grace@navy.example', 'grace@navy.example'],
    ['zoë@bücher.de', 'zoë@xn--bcher-kva.de'],
    ['zoë@xn--bcher-kva.de', 'zoë@xn--bcher-kva.de'],
    ['first.last+tag@sub.example.co.uk', 'first.last+tag@sub.example.co.uk'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each([
    '',
    'plainaddress',
    '@example.com',
    'user@',
    'user@localhost',
    'user@127.0.0.1',
    'a..b@example.com',
    '.a@example.com',
    'user@-example.com',
    'user@exa mple.com',
    `${'x'.repeat(65)}@example.com`,
  ])('rejects %j', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });
});
