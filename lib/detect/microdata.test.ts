import { describe, expect, it } from 'vitest';
import { findMicrodata } from './microdata';

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

const base = { source: 'microdata', confidence: 0.85 } as const;
const item = (type: string, props: string, attributes = '') =>
  `<div itemscope itemtype="${type}"${attributes ? ` ${attributes}` : ''}>${props}</div>`;
const PERSON = 'https://schema.org/Person';
const ORG = 'https://schema.org/Organization';

describe('findMicrodata', () => {
  it('reads a person from text, content, and links', () => {
    const doc = page(
      item(
        PERSON,
        `<h2 itemprop="name"> Ada
           Lovelace </h2>
         <span itemprop="jobTitle">Analyst</span>
         <a itemprop="email" href="mailto:Ada@Example.com?subject=Hi">write to me</a>
         <a itemprop="telephone" href="tel:+44%2020%207946%200000">call</a>
         <meta itemprop="telephone" content="+44 20 7946 0001">
         <a itemprop="url" href="https://ada.example/">home</a>`,
      ),
    );
    expect(findMicrodata(doc)).toEqual([
      {
        ...base,
        name: 'Ada Lovelace',
        title: 'Analyst',
        email: 'ada@example.com',
        phones: ['+44 20 7946 0000', '+44 20 7946 0001'],
        website: 'https://ada.example/',
      },
    ]);
  });

  it.each([
    ['https', 'https://schema.org/Person'],
    ['http', 'http://schema.org/Person'],
    ['www', 'https://www.schema.org/Person'],
    ['several types', 'https://schema.org/Patient https://schema.org/Person'],
  ])('accepts a %s item type', (_why, type) => {
    const doc = page(item(type, '<span itemprop="email">ada@example.com</span>'));
    expect(findMicrodata(doc).map((f) => f.email)).toEqual(['ada@example.com']);
  });

  it.each([
    ['a product', 'https://schema.org/Product'],
    ['an event', 'https://schema.org/Event'],
    ['another vocabulary', 'http://data-vocabulary.org/Person'],
    ['a look-alike host', 'https://notschema.org/Person'],
  ])('ignores %s', (_why, type) => {
    const doc = page(item(type, '<span itemprop="email">ada@example.com</span>'));
    expect(findMicrodata(doc)).toEqual([]);
  });

  it('ignores an item without a type, and properties outside any item', () => {
    const doc = page(
      '<div itemscope><span itemprop="email">a@example.com</span></div>' +
        '<span itemprop="email">b@example.com</span>',
    );
    expect(findMicrodata(doc)).toEqual([]);
  });

  it.each([['LocalBusiness'], ['Corporation'], ['ProfessionalService'], ['Organization']])(
    'reads a %s as an organization, with its contact points',
    (type) => {
      const doc = page(
        item(
          `https://schema.org/${type}`,
          `<span itemprop="name">Acme</span>
         <span itemprop="telephone">+1 212 555 0100</span>
         <div itemprop="contactPoint" itemscope itemtype="https://schema.org/ContactPoint">
           <span itemprop="email">sales@acme.example</span>
         </div>`,
        ),
      );
      expect(findMicrodata(doc)).toEqual([
        {
          ...base,
          name: 'Acme',
          organization: 'Acme',
          email: 'sales@acme.example',
          phones: ['+1 212 555 0100'],
        },
      ]);
    },
  );

  it('keeps a nested item’s properties out of its parent', () => {
    const doc = page(
      item(
        ORG,
        `<span itemprop="name">Acme</span>
         <div itemprop="employee" itemscope itemtype="${PERSON}">
           <span itemprop="name">Ada</span>
           <span itemprop="email">ada@example.com</span>
         </div>
         <div itemprop="review" itemscope itemtype="https://schema.org/Review">
           <span itemprop="email">reviewer@example.com</span>
         </div>`,
      ),
    );
    expect(findMicrodata(doc)).toEqual([
      { ...base, name: 'Ada', organization: 'Acme', email: 'ada@example.com' },
    ]);
  });

  it.each([
    ['worksFor', 'Organization'],
    ['affiliation', 'CollegeOrUniversity'],
    ['memberOf', 'Organization'],
  ])('names a person’s organization from a nested %s item', (prop, type) => {
    const doc = page(
      item(
        PERSON,
        `<span itemprop="name">Ada</span>
         <span itemprop="email">ada@example.com</span>
         <div itemprop="${prop}" itemscope itemtype="https://schema.org/${type}">
           <span itemprop="name">Acme</span>
           <span itemprop="email">info@acme.example</span>
         </div>`,
      ),
    );
    expect(findMicrodata(doc)).toEqual([
      { ...base, name: 'Ada', organization: 'Acme', email: 'ada@example.com' },
      { ...base, name: 'Acme', organization: 'Acme', email: 'info@acme.example' },
    ]);
  });

  it('names a person’s organization from plain worksFor text', () => {
    const doc = page(
      item(
        PERSON,
        '<span itemprop="email">ada@example.com</span><span itemprop="worksFor">Acme</span>',
      ),
    );
    expect(findMicrodata(doc)[0]?.organization).toBe('Acme');
  });

  it('names a person from given and family names', () => {
    const doc = page(
      item(
        PERSON,
        '<span itemprop="givenName">Ada</span> <span itemprop="familyName">Lovelace</span>' +
          '<span itemprop="email">ada@example.com</span>',
      ),
    );
    expect(findMicrodata(doc)[0]?.name).toBe('Ada Lovelace');
  });

  it('reads several property names in one itemprop, and full-URL property names', () => {
    const doc = page(
      item(
        PERSON,
        '<span itemprop="name https://schema.org/alternateName">Ada</span>' +
          '<span itemprop="https://schema.org/email">ada@example.com</span>',
      ),
    );
    expect(findMicrodata(doc)).toEqual([{ ...base, name: 'Ada', email: 'ada@example.com' }]);
  });

  it('gives one finding per address, each with the phones', () => {
    const doc = page(
      item(
        PERSON,
        '<span itemprop="email">ada@example.com</span><span itemprop="email">not an email</span>' +
          '<span itemprop="email">ada@example.org</span><span itemprop="telephone">555 0100</span>',
      ),
    );
    expect(findMicrodata(doc)).toEqual([
      { ...base, email: 'ada@example.com', phones: ['555 0100'] },
      { ...base, email: 'ada@example.org', phones: ['555 0100'] },
    ]);
  });

  it('resolves a relative url property against the page and drops non-http ones', () => {
    const doc = page(
      item(
        PERSON,
        '<span itemprop="email">a@example.com</span><a itemprop="url" href="/ada">me</a>',
      ) +
        item(
          PERSON,
          '<span itemprop="email">b@example.com</span><a itemprop="url" href="javascript:void(0)">me</a>',
        ),
    );
    const [first, second] = findMicrodata(doc);
    expect(first?.website).toMatch(/^https?:\/\/[^/]+\/ada$/);
    expect(second).not.toHaveProperty('website');
  });

  it('finds nothing in an item with no email or phone', () => {
    expect(findMicrodata(page(item(PERSON, '<span itemprop="name">Ada</span>')))).toEqual([]);
  });

  it('skips items and properties inside templates, noscript and editable regions', () => {
    const doc = page(
      `<div contenteditable="true">${item(PERSON, '<span itemprop="email">draft@example.com</span>')}</div>` +
        `<template>${item(PERSON, '<span itemprop="email">template@example.com</span>')}</template>` +
        `<noscript>${item(PERSON, '<span itemprop="email">noscript@example.com</span>')}</noscript>` +
        item(
          PERSON,
          '<span itemprop="email">kept@example.com</span>' +
            '<div contenteditable="true"><span itemprop="telephone">555 0100</span></div>',
        ),
    );
    expect(findMicrodata(doc)).toEqual([{ ...base, email: 'kept@example.com' }]);
  });

  it('reads the item it is given as the root', () => {
    const doc = page(item(PERSON, '<span itemprop="email">ada@example.com</span>'));
    expect(findMicrodata(doc.querySelector('[itemscope]')!).map((f) => f.email)).toEqual([
      'ada@example.com',
    ]);
  });
});
