import { describe, expect, it } from 'vitest';
import { GMAIL_PAGE, OUTLOOK_PAGE, WEBMAIL_PAGE } from '../detect/webmail-gate';
import { WEBMAIL_NAMES, isWebmailUrl } from './webmail-sites';

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

describe('the content script’s webmail patterns', () => {
  it('match exactly the webmail hosts named here, over HTTPS', () => {
    for (const host of Object.keys(WEBMAIL_NAMES)) {
      expect(WEBMAIL_PAGE.test(`https://${host}/mail/`)).toBe(true);
      expect(WEBMAIL_PAGE.test(`http://${host}/mail/`)).toBe(false);
      expect(GMAIL_PAGE.test(`https://${host}/`)).toBe(WEBMAIL_NAMES[host] === 'Gmail');
      expect(OUTLOOK_PAGE.test(`https://${host}/`)).toBe(
        WEBMAIL_NAMES[host]!.startsWith('Outlook'),
      );
    }
  });
});
