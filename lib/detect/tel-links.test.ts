import { describe, expect, it } from 'vitest';
import { findTelLinks } from '../../tests/support/link-readers';

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

const link = (href: string, text = '', attributes = '') =>
  `<a href="${href}"${attributes ? ` ${attributes}` : ''}>${text}</a>`;

const phonesIn = (body: string) => findTelLinks(page(body)).map((f) => f.phones?.[0]);

describe('findTelLinks', () => {
  it('names the contact from the link text', () => {
    expect(findTelLinks(page(link('tel:+442079460958', 'Ada Lovelace')))).toEqual([
      { phones: ['+442079460958'], source: 'tel', confidence: 0.8, name: 'Ada Lovelace' },
    ]);
  });

  it.each([
    ['digits only', 'tel:+12125550100', '+12125550100'],
    ['visual separators', 'tel:+1-212-555-0100', '+1-212-555-0100'],
    ['dots', 'tel:+1.212.555.0100', '+1.212.555.0100'],
    ['percent-encoded spaces', 'tel:+44%2020%207946%200958', '+44 20 7946 0958'],
    ['parentheses', 'tel:(212)%20555-0100', '(212) 555-0100'],
    ['a national number', 'tel:030%201234567', '030 1234567'],
    ['surrounding spaces', 'tel:%20+4930123456%20', '+4930123456'],
    ['an RFC 3966 extension', 'tel:+1-212-555-0100;ext=12', '+1-212-555-0100;ext=12'],
    ['other RFC 3966 parameters', 'tel:5550100;phone-context=+1-212', '5550100'],
    ['a written extension', 'tel:+12125550100%20ext.%2012', '+12125550100 ext. 12'],
    ['callto:', 'callto:+4930123456', '+4930123456'],
    ['callto://', 'callto://+4930123456', '+4930123456'],
    ['an upper-case scheme', 'TEL:+4930123456', '+4930123456'],
    ['a mixed-case scheme', 'Tel:+4930123456', '+4930123456'],
  ])('reads a number written with %s', (_what, href, expected) => {
    expect(phonesIn(link(href, 'Call'))).toEqual([expected]);
  });

  it.each([
    ['an empty number', 'tel:'],
    ['too few digits', 'tel:12'],
    ['a Skype name', 'callto:ada.lovelace'],
    ['letters in the number', 'tel:1-800-FLOWERS'],
    ['a script', 'tel:javascript:alert(1)'],
    ['an overlong value', `tel:${'1'.repeat(70)}`],
    ['a different scheme', 'sms:+4930123456'],
    ['a plain link', '/contact'],
  ])('skips %s', (_what, href) => {
    expect(findTelLinks(page(link(href, 'Ada')))).toEqual([]);
  });

  it('survives malformed percent-encoding', () => {
    expect(() => findTelLinks(page(link('tel:+49%E0%A4%A30123456', 'Ada')))).not.toThrow();
  });

  it.each([
    ['the number itself', '+44 20 7946 0958'],
    ['a labelled number', 'Tel: +44 20 7946 0958'],
    ['a call to action', 'Call us'],
    ['a bare verb', 'call'],
    ['a label', 'Phone'],
    ['a fax label', 'Fax'],
    ['a tap hint', 'Tap to call'],
    ['an icon', '☎'],
    ['one letter', 'T'],
    ['too long', 'A'.repeat(81)],
    ['empty', ''],
    ['an address', 'ada@example.com'],
  ])('gives no name when the text is %s', (_what, text) => {
    const found = findTelLinks(page(link('tel:+442079460958', text)));
    expect(found).toHaveLength(1);
    expect(found[0]).not.toHaveProperty('name');
  });

  it.each(['Grace Hopper', 'Zoë Ångström', 'Dr. Ada Lovelace', 'Callum Smith', 'Heredia Ruiz'])(
    'keeps the name %j',
    (name) => {
      expect(findTelLinks(page(link('tel:+442079460958', name)))[0]?.name).toBe(name);
    },
  );

  it('collapses whitespace in a name spread over elements', () => {
    const found = findTelLinks(
      page(link('tel:+442079460958', '\n <b>Ada</b>\n\t <i>Lovelace</i> ')),
    );
    expect(found[0]?.name).toBe('Ada Lovelace');
  });

  it('falls back to the title when the text is the number', () => {
    const found = findTelLinks(
      page(link('tel:+442079460958', '+44 20 7946 0958', 'title="Grace Hopper"')),
    );
    expect(found[0]?.name).toBe('Grace Hopper');
  });

  it('finds every link, in document order, keeping repeats for the merge', () => {
    expect(
      phonesIn(
        link('tel:+442079460958', 'Ada') +
          '<p>text</p>' +
          link('callto:+12125550100', 'Grace') +
          link('tel:+442079460958', 'Ada again'),
      ),
    ).toEqual(['+442079460958', '+12125550100', '+442079460958']);
  });

  it.each([
    ['a noscript block', '<noscript>%s</noscript>'],
    ['an editable region', '<div contenteditable="true"><p>%s</p></div>'],
    ['an SVG drawing', '<svg>%s</svg>'],
  ])('skips links inside %s', (_what, wrapper) => {
    const body = wrapper.replace('%s', link('tel:+442079460958', 'Ada'));
    expect(findTelLinks(page(body))).toEqual([]);
  });

  it('reads only under the root it is given', () => {
    const doc = page(
      `<div id="a">${link('tel:+442079460958', 'Ada')}</div><div id="b">${link('tel:+12125550100', 'Grace')}</div>`,
    );
    const root = doc.getElementById('b')!;
    expect(findTelLinks(root).map((f) => f.name)).toEqual(['Grace']);
  });

  it('finds nothing on a page without tel links', () => {
    expect(findTelLinks(page('<p>Call +44 20 7946 0958</p>'))).toEqual([]);
  });
});
