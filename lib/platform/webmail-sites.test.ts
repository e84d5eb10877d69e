import { describe, expect, it } from 'vitest';
import { isWebmailUrl } from './webmail-sites';

describe('isWebmailUrl', () => {
  const cases: [string | undefined, boolean][] = [
    ['https://mail.google.com/mail/u/0/#inbox', true],
    ['https://outlook.office.com/mail/', true],
    ['https://outlook.office365.com/mail/inbox', true],
    ['https://outlook.live.com/mail/0/', true],
    ['http://mail.google.com/', false], // not over HTTPS
    ['https://mail.google.com.evil.example/', false],
    ['https://evil.example/mail.google.com', false],
    ['https://google.com/', false],
    ['not a url', false],
    [undefined, false],
  ];
  for (const [url, expected] of cases) {
    it(`${String(url)} → ${expected}`, () => expect(isWebmailUrl(url)).toBe(expected));
  }
});
