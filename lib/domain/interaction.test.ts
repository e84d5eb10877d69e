import { describe, expect, it } from 'vitest';
import { InteractionDraftSchema, InteractionSchema, LinkSchema } from './interaction';

const T = Date.UTC(2026, 10, 23, 16, 45);

const valid = {
  id: 'i1',
  partyId: 'p1',
  type: 'call',
  direction: 'inbound',
  at: T,
  summary: 'Discussed the renewal.',
  link: 'https://mail.example.com/mail/u/0/#inbox/18c2f',
  requestId: 'req-1',
  createdAt: T,
};

describe('LinkSchema', () => {
  it.each([
    'https://mail.example.com/mail/u/0/#inbox/18c2f',
    'http://example.com',
    'HTTPS://EXAMPLE.COM/',
    'mailto:ada@example.com',
    'MailTo:ada@example.com?subject=Hi',
  ])('accepts %s', (link) => {
    expect(LinkSchema.parse(link)).toBe(link);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'chrome-extension://abc/popup.html',
    '//example.com/path',
    ' https://example.com',
    'example.com',
    'https',
    '',
    `https://example.com/${'a'.repeat(2030)}`,
  ])('rejects %j', (link) => {
    expect(LinkSchema.safeParse(link).success).toBe(false);
  });
});

describe('InteractionSchema', () => {
  it('accepts a well-formed interaction unchanged', () => {
    expect(InteractionSchema.parse(valid)).toStrictEqual(valid);
  });

  it('accepts an interaction without a link', () => {
    const { link: _link, ...withoutLink } = valid;
    expect(InteractionSchema.parse(withoutLink)).toStrictEqual(withoutLink);
  });

  it.each(['email', 'call', 'meeting', 'message', 'note'])('accepts the type %s', (type) => {
    expect(InteractionSchema.safeParse({ ...valid, type }).success).toBe(true);
  });

  it.each([
    ['a javascript: link', { link: 'javascript:alert(1)' }, ['link']],
    ['a data: link', { link: 'data:text/html,hi' }, ['link']],
    ['a negative instant', { at: -1 }, ['at']],
    ['a fractional instant', { at: T + 0.25 }, ['at']],
    ['an instant as a Date', { at: new Date(T) }, ['at']],
    ['a negative createdAt', { createdAt: -T }, ['createdAt']],
    ['an unknown type', { type: 'fax' }, ['type']],
    ['an unknown direction', { direction: 'sideways' }, ['direction']],
    ['an empty request id', { requestId: '' }, ['requestId']],
    ['an overlong request id', { requestId: 'r'.repeat(101) }, ['requestId']],
    ['an empty party id', { partyId: '' }, ['partyId']],
    ['an overlong summary', { summary: 's'.repeat(10_001) }, ['summary']],
  ])('rejects %s', (_label, change, path) => {
    const result = InteractionSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(path);
  });
});

describe('InteractionDraftSchema', () => {
  it('defaults to outbound with an empty summary', () => {
    expect(
      InteractionDraftSchema.parse({ partyId: 'p1', type: 'email', requestId: 'r1' }),
    ).toStrictEqual({
      partyId: 'p1',
      type: 'email',
      direction: 'outbound',
      summary: '',
      requestId: 'r1',
    });
  });

  it('trims the summary and keeps the instants it is given', () => {
    expect(
      InteractionDraftSchema.parse({
        partyId: 'p1',
        type: 'meeting',
        direction: 'inbound',
        at: T,
        followUpAt: T + 86_400_000,
        summary: '  Kick-off  ',
        link: 'mailto:ada@example.com',
        requestId: 'r1',
      }),
    ).toMatchObject({ summary: 'Kick-off', at: T, followUpAt: T + 86_400_000 });
  });

  it.each([
    [{ link: 'javascript:void(0)' }, ['link']],
    [{ followUpAt: -1 }, ['followUpAt']],
    [{ at: -1 }, ['at']],
    [{ requestId: '' }, ['requestId']],
  ])('rejects %j', (change, path) => {
    const result = InteractionDraftSchema.safeParse({
      partyId: 'p1',
      type: 'note',
      requestId: 'r1',
      ...change,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(path);
  });
});
