import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailDomain, normalizeEmail } from './email';
import { EmailSchema } from './email-schema';

describe('normalizeEmail', () => {
  it.each([
    [' Ada@Example.COM ', 'ada@example.com'],
    ['mailto:grace@navy.example', 'grace@navy.example'],
    ['zoë@bücher.de', 'zoë@xn--bcher-kva.de'],
    ['zoë@xn--bcher-kva.de', 'zoë@xn--bcher-kva.de'],
    ['first.last+tag@sub.example.co.uk', 'first.last+tag@sub.example.co.uk'],
    ['MAILTO:Ada@Example.com', 'ada@example.com'],
    ['ada@example.com.', 'ada@example.com'],
    ['Zoë@Bücher.de', 'zoë@xn--bcher-kva.de'],
    ["o'brien@example.ie", "o'brien@example.ie"],
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
    `a@${'x'.repeat(250)}.com`,
    'a.@example.com',
    'user@example..com',
    'user@exam_ple.com',
    'user@[127.0.0.1]',
    '"quoted"@example.com',
  ])('rejects %j', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });

  it('is idempotent, so every result passes EmailSchema', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (raw) => {
        const email = normalizeEmail(raw);
        return email === null || normalizeEmail(email) === email;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('EmailSchema', () => {
  it.each(['ada@example.com', 'zoë@xn--bcher-kva.de'])('accepts %s', (email) => {
    expect(EmailSchema.parse(email)).toBe(email);
  });

  it.each([
    'Ada@example.com',
    ' ada@example.com',
    'mailto:ada@example.com',
    'ada@bücher.de',
    'ada',
  ])('rejects %j', (email) => {
    const result = EmailSchema.safeParse(email);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('not a normalised email address');
  });
});

describe('emailDomain', () => {
  it.each([
    ['ada@example.com', 'example.com'],
    ['first.last@sub.example.co.uk', 'sub.example.co.uk'],
    ['zoë@xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ])('%s → %s', (email, domain) => {
    expect(emailDomain(email)).toBe(domain);
  });
});
