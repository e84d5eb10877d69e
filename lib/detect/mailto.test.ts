import { describe, expect, it } from 'vitest';
import { findMailtoLinks } from '../../tests/support/link-readers';

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

const link = (href: string, text = '', attributes = '') =>
  `<a href="${href}"${attributes ? ` ${attributes}` : ''}>${text}</a>`;

describe('findMailtoLinks', () => {
  it('names the contact from the link text', () => {
    expect(findMailtoLinks(page(link('mailto:Ada@Example.com', 'Ada Lovelace')))).toEqual([
      { email: 'ada@example.com', source: 'mailto', confidence: 0.9, name: 'Ada Lovelace' },
    ]);
  });

  it('collapses whitespace in the name and reads text inside nested elements', () => {
    const found = findMailtoLinks(
      page(link('mailto:ada@example.com', '\n   <span>Ada</span>\n\t  <b>Lovelace</b>  ')),
    );
    expect(found.map((f) => f.name)).toEqual(['Ada Lovelace']);
  });

  it('names the contact from the title when the text is the address itself', () => {
    const found = findMailtoLinks(
      page(link('mailto:ada@example.com', 'ada@example.com', 'title="Ada Lovelace"')),
    );
    expect(found).toEqual([
      { email: 'ada@example.com', source: 'mailto', confidence: 0.9, name: 'Ada Lovelace' },
    ]);
  });

  it.each([
    'Email us',
    'email',
    'E-mail me',
    'Contact',
    'contact us',
    'Write to us',
    'Send a message',
    'Mail',
    'Click here',
    'here',
    'Reach out',
  ])('does not take the call to action %j for a name', (text) => {
    const found = findMailtoLinks(page(link('mailto:sales@example.com', text)));
    expect(found).toEqual([{ email: 'sales@example.com', source: 'mailto', confidence: 0.9 }]);
    expect(found[0]).not.toHaveProperty('name');
  });

  it('falls back to the title when the text is a call to action', () => {
    const found = findMailtoLinks(
      page(link('mailto:grace@navy.example', 'Email us', 'title="Grace Hopper"')),
    );
    expect(found.map((f) => f.name)).toEqual(['Grace Hopper']);
  });

  it.each([
    'Maile Flanagan',
    'Hereford Smith',
    'Sendhil Mullainathan',
    'Emailia Reyes',
    'Zoë Ångström',
  ])('keeps a real name that only starts like a call to action: %j', (name) => {
    expect(findMailtoLinks(page(link('mailto:x@example.com', name)))[0]?.name).toBe(name);
  });

  it.each([
    ['no letters', '✉ → 42'],
    ['one letter', 'A'],
    ['too long', 'A'.repeat(81)],
    ['empty', ''],
  ])('gives no name when the text is %s', (_why, text) => {
    const found = findMailtoLinks(page(link('mailto:x@example.com', text)));
    expect(found).toHaveLength(1);
    expect(found[0]).not.toHaveProperty('name');
  });

  it('finds every recipient of a link, without naming any of them', () => {
    const found = findMailtoLinks(
      page(link('mailto:ada@example.com,%20Grace@Navy.example, linus@kernel.example', 'Team')),
    );
    expect(found).toEqual([
      { email: 'ada@example.com', source: 'mailto', confidence: 0.9 },
      { email: 'grace@navy.example', source: 'mailto', confidence: 0.9 },
      { email: 'linus@kernel.example', source: 'mailto', confidence: 0.9 },
    ]);
  });

  it('ignores the query: cc, bcc and subject are not this link’s recipients', () => {
    const found = findMailtoLinks(
      page(
        link(
          'mailto:ada@example.com?cc=boss@example.com&amp;bcc=audit@example.com&amp;subject=Hello%20there%2C%20you@example.com',
          'Ada',
        ),
      ),
    );
    expect(found).toEqual([
      { email: 'ada@example.com', source: 'mailto', confidence: 0.9, name: 'Ada' },
    ]);
  });

  it('finds nothing in a link whose recipients are only in the query', () => {
    expect(findMailtoLinks(page(link('mailto:?to=ada@example.com', 'Ada')))).toEqual([]);
  });

  it('decodes percent-encoding, including an encoded @ and an international domain', () => {
    const found = findMailtoLinks(
      page(
        [
          link('mailto:ada%40example.com', 'Ada'),
          link('mailto:J%C3%BCrgen@b%C3%BCcher.de', 'Jürgen'),
          link('mailto:%20grace@navy.example%20', 'Grace'),
        ].join(''),
      ),
    );
    expect(found.map((f) => [f.email, f.name])).toEqual([
      ['ada@example.com', 'Ada'],
      ['jürgen@xn--bcher-kva.de', 'Jürgen'],
      ['grace@navy.example', 'Grace'],
    ]);
  });

  it('survives malformed percent-encoding', () => {
    expect(() =>
      findMailtoLinks(page(link('mailto:ada%E0%A4%A@example.com', 'Ada'))),
    ).not.toThrow();
  });

  it('accepts the scheme in any case', () => {
    const found = findMailtoLinks(
      page(
        [
          link('MAILTO:ADA@EXAMPLE.COM', 'Ada'),
          link('Mailto:grace@navy.example', 'Grace'),
          link('mailTo:linus@kernel.example', 'Linus'),
        ].join(''),
      ),
    );
    expect(found.map((f) => f.email)).toEqual([
      'ada@example.com',
      'grace@navy.example',
      'linus@kernel.example',
    ]);
  });

  it('drops invalid addresses and keeps the valid ones beside them', () => {
    const found = findMailtoLinks(
      page(
        [
          link('mailto:', 'Nobody'),
          link('mailto:not-an-address', 'Nobody'),
          link('mailto:user@localhost', 'Local'),
          link('mailto:a..b@example.com', 'Dots'),
          link('mailto:user@127.0.0.1', 'IP'),
          link('mailto:broken@,ada@example.com', 'Mixed'),
        ].join(''),
      ),
    );
    expect(found.map((f) => f.email)).toEqual(['ada@example.com']);
  });

  it('ignores links that are not mailto links', () => {
    const found = findMailtoLinks(
      page(
        [
          link('https://example.com/mailto:ada@example.com', 'Ada'),
          link('/contact?mailto:ada@example.com', 'Ada'),
          link('tel:+12125550100', 'Call'),
          '<a>ada@example.com</a>',
        ].join(''),
      ),
    );
    expect(found).toEqual([]);
  });

  it('skips links inside editable regions and templates', () => {
    const found = findMailtoLinks(
      page(
        [
          `<div contenteditable="true"><p>${link('mailto:draft@example.com', 'Draft')}</p></div>`,
          `<div contenteditable="plaintext-only">${link('mailto:plain@example.com', 'Plain')}</div>`,
          `<template>${link('mailto:template@example.com', 'Template')}</template>`,
          link('mailto:kept@example.com', 'Kept'),
        ].join(''),
      ),
    );
    expect(found.map((f) => f.email)).toEqual(['kept@example.com']);
  });

  it('looks only under the root it is given', () => {
    const doc = page(
      `<header>${link('mailto:outside@example.com', 'Out')}</header>` +
        `<main>${link('mailto:inside@example.com', 'In')}</main>`,
    );
    const main = doc.querySelector('main');
    if (!main) throw new Error('no main');
    expect(findMailtoLinks(main).map((f) => f.email)).toEqual(['inside@example.com']);
  });
});
