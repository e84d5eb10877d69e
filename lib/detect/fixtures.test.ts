import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import expected from '../../tests/fixtures/expected-contacts.json';
import { normalizePhone } from '../domain/phone';
import { detectContacts } from './index';
import { measureQuality, type Expected } from '../../tests/support/detect-quality';

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
    const detected = detectContacts(load(name), { url: `http://127.0.0.1/${name}` }).map(
      (contact) => ({
        ...contact,
        phones: contact.phones.filter((phone) => normalizePhone(phone, 'US') !== null),
      }),
    );
    const quality = measureQuality(detected, truth);
    expect({ missed: quality.missed, extra: quality.extra }).toEqual({ missed: [], extra: [] });
  });
});
