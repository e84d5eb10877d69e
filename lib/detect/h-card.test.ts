import { describe, expect, it } from 'vitest';
import { findHCards } from './h-card';

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

const base = { source: 'h-card', confidence: 0.85 } as const;
const found = (body: string) => findHCards(page(body));

describe('findHCards (mf2 h-card)', () => {
  it('reads every property', () => {
    expect(
      found(`<div class="h-card">
        <span class="p-name">Ada
          Lovelace</span>
        <span class="p-job-title">Analyst</span>
        <span class="p-org">Analytical Engines</span>
        <a class="u-email" href="mailto:Ada@Example.com">email me</a>
        <span class="p-tel">+44 20 7946 0000</span>
        <a class="u-tel" href="tel:+442079460001">call</a>
        <a class="u-url" href="https://ada.example">site</a>
      </div>`),
    ).toEqual([
      {
        ...base,
        name: 'Ada Lovelace',
        title: 'Analyst',
        organization: 'Analytical Engines',
        email: 'ada@example.com',
        phones: ['+44 20 7946 0000', '+442079460001'],
        website: 'https://ada.example/',
      },
    ]);
  });

  it.each([
    ['a mailto: link', '<a class="u-email" href="MAILTO:ada@example.com">Ada</a>'],
    ['text', '<span class="u-email">ada@example.com</span>'],
    ['a link with a query', '<a class="u-email" href="mailto:ada@example.com?subject=hi">x</a>'],
  ])('reads an email from %s', (_why, markup) => {
    expect(found(`<div class="h-card"><span class="p-name">Ada</span>${markup}</div>`)).toEqual([
      { ...base, name: 'Ada', email: 'ada@example.com' },
    ]);
  });

  it.each([
    [
      'abbr title',
      '<abbr class="p-name" title="Ada Lovelace">AL</abbr><i class="u-email">ada@example.com</i>',
      'Ada Lovelace',
    ],
    [
      'img alt',
      '<img class="p-name" alt="Ada Lovelace" src="ada.png"><i class="u-email">ada@example.com</i>',
      'Ada Lovelace',
    ],
    [
      'an implied name (no other p- property)',
      '<a class="u-email" href="mailto:ada@example.com">Ada Lovelace</a>',
      'Ada Lovelace',
    ],
    [
      'no implied name when another p- property is there',
      '<a class="u-email" href="mailto:ada@example.com">Ada</a><span class="p-note">hi</span>',
      undefined,
    ],
    [
      'no implied name that is an address',
      '<a class="u-email" href="mailto:ada@example.com">ada@example.com</a>',
      undefined,
    ],
  ])('names the card from %s', (_why, markup, name) => {
    const result = found(`<div class="h-card">${markup}</div>`);
    expect(result).toHaveLength(1);
    expect(result[0]?.name).toBe(name);
  });

  it('reads a nested p-org h-card’s name as the organization, and the org as its own card', () => {
    expect(
      found(`<div class="h-card">
        <span class="p-name">Ada</span>
        <a class="u-email" href="mailto:ada@example.com">mail</a>
        <div class="p-org h-card">
          <span class="p-name">Acme</span>
          <span class="p-locality">London</span>
          <a class="u-email" href="mailto:info@acme.example">mail</a>
        </div>
      </div>`),
    ).toEqual([
      { ...base, name: 'Ada', organization: 'Acme', email: 'ada@example.com' },
      { ...base, name: 'Acme', organization: 'Acme', email: 'info@acme.example' },
    ]);
  });

  it('uses a nested p-org h-card’s text when it has no p-name', () => {
    const result = found(
      '<div class="h-card"><span class="p-name">Ada</span><span class="p-tel">555 0100</span>' +
        '<a class="p-org h-card" href="https://acme.example"> Acme </a></div>',
    );
    expect(result[0]?.organization).toBe('Acme');
  });

  it('keeps a nested card’s name, email and phone out of its parent', () => {
    expect(
      found(`<article class="h-card">
        <span class="p-name">Ada</span>
        <div class="h-card"><span class="p-name">Grace</span>
          <span class="u-email">grace@example.com</span><span class="p-tel">555 0199</span></div>
      </article>`),
    ).toEqual([{ ...base, name: 'Grace', email: 'grace@example.com', phones: ['555 0199'] }]);
  });

  it('gives one finding per address, each with the phones', () => {
    expect(
      found(
        '<div class="h-card"><span class="p-name">Ada</span>' +
          '<span class="u-email">ada@example.com</span><span class="u-email">ada@example.org</span>' +
          '<span class="p-tel">555 0100</span></div>',
      ),
    ).toEqual([
      { ...base, name: 'Ada', email: 'ada@example.com', phones: ['555 0100'] },
      { ...base, name: 'Ada', email: 'ada@example.org', phones: ['555 0100'] },
    ]);
  });

  it('finds nothing in a card with no email or phone', () => {
    expect(found('<div class="h-card"><span class="p-name">Ada</span></div>')).toEqual([]);
  });
});

describe('findHCards (mf1 vcard)', () => {
  it('reads every property', () => {
    expect(
      found(`<div class="vcard">
        <span class="fn">Ada Lovelace</span>
        <span class="title">Analyst</span>
        <span class="org">Analytical Engines</span>
        <a class="email" href="mailto:ada@example.com">email</a>
        <span class="tel"><span class="type">work</span> <span class="value">+44 20 7946 0000</span></span>
        <a class="url" href="https://ada.example/">site</a>
      </div>`),
    ).toEqual([
      {
        ...base,
        name: 'Ada Lovelace',
        title: 'Analyst',
        organization: 'Analytical Engines',
        email: 'ada@example.com',
        phones: ['+44 20 7946 0000'],
        website: 'https://ada.example/',
      },
    ]);
  });

  it.each([
    ['text', '<span class="email">ada@example.com</span>', 'ada@example.com', undefined],
    [
      'a value part',
      '<span class="email"><span class="value">ada@example.com</span> (work)</span>',
      'ada@example.com',
      undefined,
    ],
    ['a plain tel', '<span class="tel">555 0100</span>', undefined, ['555 0100']],
    [
      'split value parts',
      '<span class="tel"><span class="value">555</span> - <span class="value">0100</span></span>',
      undefined,
      ['5550100'],
    ],
  ])('reads %s', (_why, markup, email, phones) => {
    const result = found(`<div class="vcard"><span class="fn">Ada</span>${markup}</div>`);
    expect(result).toHaveLength(1);
    expect(result[0]?.email).toBe(email);
    expect(result[0]?.phones).toEqual(phones);
  });

  it('names the card from given and family names, and the org from organization-name', () => {
    const result = found(
      '<div class="vcard"><span class="n"><span class="given-name">Ada</span> ' +
        '<span class="family-name">Lovelace</span></span><span class="tel">555 0100</span>' +
        '<div class="org"><span class="organization-name">Acme</span> <span class="organization-unit">R&amp;D</span></div></div>',
    );
    expect(result).toEqual([
      { ...base, name: 'Ada Lovelace', organization: 'Acme', phones: ['555 0100'] },
    ]);
  });

  it('keeps a nested vcard out of its parent', () => {
    expect(
      found(
        '<div class="vcard"><span class="fn">Ada</span>' +
          '<div class="agent vcard"><span class="fn">Grace</span><span class="email">grace@example.com</span></div></div>',
      ),
    ).toEqual([{ ...base, name: 'Grace', email: 'grace@example.com' }]);
  });

  it('reads an element with both classes once, as mf2', () => {
    expect(
      found(
        '<div class="h-card vcard"><span class="p-name fn">Ada</span>' +
          '<a class="u-email email" href="mailto:ada@example.com">mail</a></div>',
      ),
    ).toEqual([{ ...base, name: 'Ada', email: 'ada@example.com' }]);
  });
});

describe('findHCards (skipping and roots)', () => {
  it('skips cards and properties inside templates, noscript and editable regions', () => {
    const doc = page(
      '<div contenteditable="true"><div class="h-card"><span class="u-email">draft@example.com</span></div></div>' +
        '<template><div class="vcard"><span class="email">template@example.com</span></div></template>' +
        '<noscript><div class="h-card"><span class="u-email">noscript@example.com</span></div></noscript>' +
        '<div class="h-card"><span class="p-name">Kept</span><span class="u-email">kept@example.com</span>' +
        '<span contenteditable="true"><span class="p-tel">555 0100</span></span></div>',
    );
    expect(findHCards(doc)).toEqual([{ ...base, name: 'Kept', email: 'kept@example.com' }]);
  });

  it('reads the card it is given as the root', () => {
    const doc = page('<div class="h-card"><span class="u-email">ada@example.com</span></div>');
    expect(findHCards(doc.querySelector('.h-card')!).map((f) => f.email)).toEqual([
      'ada@example.com',
    ]);
  });
});
