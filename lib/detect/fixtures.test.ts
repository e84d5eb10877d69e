import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import expected from '../../tests/fixtures/expected-contacts.json';
import { normalizePhone } from '../domain/phone';
import { detectContacts } from './index';
import { measureQuality, type Expected } from '../../tests/support/detect-quality';
import { WEBMAIL_FIXTURES, fixtureUrl } from '../../tests/support/webmail-fixtures.mjs';

const pages = Object.entries(expected).filter(([name]) => name.endsWith('.html')) as [
  string,
  Expected,
][];

function load(name: string): Document {
  const html = readFileSync(`tests/fixtures/site/${name}`, 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * The fixture pages against what they really hold (tests/fixtures/expected-contacts.json),
 * after the background's phone validation, as the user sees them.
 */
describe('detection on the fixture pages', () => {
  it.each(pages)('%s: every contact found, nothing else', (name, truth) => {
    const detected = detectContacts(load(name), { url: fixtureUrl(name, 'http://127.0.0.1') }).map(
      (contact) => ({
        ...contact,
        phones: contact.phones.filter((phone) => normalizePhone(phone, 'US') !== null),
      }),
    );
    const quality = measureQuality(detected, truth);
    expect({ missed: quality.missed, extra: quality.extra }).toEqual({ missed: [], extra: [] });
  });

  it.each(Object.keys(WEBMAIL_FIXTURES))(
    '%s anywhere but its webmail: no webmail evidence, only what any page shows',
    (name) => {
      const sources = new Set(
        detectContacts(load(name), { url: `https://mail.google.com.evil.example/${name}` }).flatMap(
          (contact) => contact.sources,
        ),
      );
      for (const webmail of ['gmail', 'outlook', 'signature'] as const)
        expect(sources.has(webmail)).toBe(false);
      // The same page on its own host does carry that evidence: the check above can fail.
      const home = detectContacts(load(name), { url: fixtureUrl(name, '') });
      expect(home.some((contact) => contact.sources.some((s) => s !== 'mailto'))).toBe(true);
      expect(home.flatMap((c) => c.sources).some((s) => s === 'gmail' || s === 'outlook')).toBe(
        true,
      );
    },
  );
});
