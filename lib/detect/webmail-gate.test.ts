import { describe, expect, it } from 'vitest';
import { GMAIL_PAGE, OUTLOOK_PAGE, WEBMAIL_PAGE, onlyOn } from './webmail-gate';
import type { Finding } from './types';

describe('onlyOn', () => {
  const found: Finding[] = [{ source: 'gmail', confidence: 0.95, email: 'ada@example.com' }];
  const gmail = onlyOn(GMAIL_PAGE, () => found);

  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', true],
    ['https://mail.google.com/', true],
    ['http://mail.google.com/', false],
    ['https://mail.google.com.evil.example/', false],
    ['https://evil.example/mail.google.com/', false],
    ['https://notmail.google.com/', false],
    ['http://127.0.0.1:8080/gmail.html', false],
  ])('%s → runs: %s', (url, runs) => {
    expect(gmail(document, { url })).toEqual(runs ? found : []);
  });

  it.each([
    ['https://outlook.office.com/mail/', true],
    ['https://outlook.office365.com/mail/', true],
    ['https://outlook.live.com/mail/0/', true],
    ['https://outlook.evil.com/', false],
    ['https://outlook.office.com.evil.example/', false],
    ['https://mail.google.com/', false],
  ])('Outlook on %s → %s', (url, runs) => {
    expect(OUTLOOK_PAGE.test(url)).toBe(runs);
    expect(WEBMAIL_PAGE.test(url)).toBe(runs || GMAIL_PAGE.test(url));
  });
});
