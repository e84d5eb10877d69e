import { describe, expect, it } from 'vitest';
import { findRdfa } from './rdfa';

const page = (body: string) =>
  new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');

describe('findRdfa', () => {
  it('reads a person, with values held only in <meta property content>', () => {
    const doc = page(`<div vocab="https://schema.org/" typeof="Person">
      <span property="name">Ada Byron</span><span property="jobTitle">Analyst</span>
      <meta property="email" content="ada@byron.example">
      <a property="url" href="https://byron.example/">site</a></div>`);
    expect(findRdfa(doc)).toEqual([
      {
        source: 'rdfa',
        confidence: 0.85,
        name: 'Ada Byron',
        title: 'Analyst',
        website: 'https://byron.example/',
        email: 'ada@byron.example',
      },
    ]);
  });

  it('reads any schema.org type with a telephone as an organization, by a schema: prefix too', () => {
    const doc = page(`<div typeof="schema:TrainStation">
      <span property="schema:name">Central</span>
      <span property="schema:telephone">+44 20 7946 0123</span></div>`);
    expect(findRdfa(doc)).toEqual([
      {
        source: 'rdfa',
        confidence: 0.85,
        name: 'Central',
        organization: 'Central',
        phones: ['+44 20 7946 0123'],
      },
    ]);
  });

  it('keeps a nested item’s properties to itself', () => {
    const doc = page(`<div vocab="https://schema.org/" typeof="Organization">
      <span property="name">Acme</span>
      <div property="employee" typeof="Person"><span property="name">Bo</span>
        <span property="email">bo@acme.example</span></div></div>`);
    expect(findRdfa(doc).map(({ name, email }) => ({ name, email }))).toEqual([
      { name: 'Bo', email: 'bo@acme.example' },
    ]);
  });

  it.each([
    [
      'another vocabulary',
      '<div vocab="http://xmlns.com/foaf/0.1/" typeof="Person"><span property="mbox">a@x.example</span><span property="email">a@x.example</span></div>',
    ],
    ['no vocabulary', '<div typeof="Person"><span property="email">a@x.example</span></div>'],
    [
      'a product',
      '<div vocab="https://schema.org/" typeof="Product"><span property="email">a@x.example</span></div>',
    ],
  ])('ignores %s', (_why, html) => {
    expect(findRdfa(page(html))).toEqual([]);
  });
});
