import { describe, expect, it } from 'vitest';
import { findJsonLd } from './json-ld';

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

const ld = (data: unknown) =>
  `<script type="application/ld+json">${typeof data === 'string' ? data : JSON.stringify(data)}</script>`;

const found = (...blocks: unknown[]) => findJsonLd(page(blocks.map(ld).join('')));
const base = { source: 'json-ld', confidence: 0.85 } as const;

const ada = {
  '@context': 'https://schema.org',
  '@type': 'Person',
  name: 'Ada Lovelace',
  email: 'Ada@Example.com',
  telephone: ' +44 20 7946 0000 ',
  jobTitle: 'Analyst',
  url: 'https://ada.example',
};

describe('findJsonLd', () => {
  it('reads a person', () => {
    expect(found(ada)).toEqual([
      {
        ...base,
        email: 'ada@example.com',
        phones: ['+44 20 7946 0000'],
        name: 'Ada Lovelace',
        title: 'Analyst',
        website: 'https://ada.example/',
      },
    ]);
  });

  it.each([
    ['mailto: prefix', { email: 'mailto:Ada@Example.com' }, ['ada@example.com']],
    [
      'an array',
      { email: ['ada@example.com', 'mailto:a.l@example.org'] },
      ['ada@example.com', 'a.l@example.org'],
    ],
    [
      'an invalid one beside a valid one',
      { email: ['nope', 'ada@example.com'] },
      ['ada@example.com'],
    ],
    ['duplicates', { email: ['ada@example.com', 'ADA@example.com'] }, ['ada@example.com']],
    ['an @value literal', { email: { '@value': 'ada@example.com' } }, ['ada@example.com']],
    ['a prefixed property', { 'https://schema.org/email': 'ada@example.com' }, ['ada@example.com']],
  ])('reads emails given as %s', (_why, fields, emails) => {
    const result = found({ '@type': 'Person', name: 'Ada', ...fields });
    expect(result.map((f) => f.email)).toEqual(emails);
  });

  it('gives every address of a person the person’s phones, so the merge joins them', () => {
    const result = found({
      '@type': 'Person',
      name: 'Ada',
      email: ['ada@example.com', 'ada@example.org'],
      telephone: ['+1 212 555 0100', 'tel:+1-212-555-0199'],
    });
    expect(result).toEqual([
      {
        ...base,
        name: 'Ada',
        email: 'ada@example.com',
        phones: ['+1 212 555 0100', '+1-212-555-0199'],
      },
      {
        ...base,
        name: 'Ada',
        email: 'ada@example.org',
        phones: ['+1 212 555 0100', '+1-212-555-0199'],
      },
    ]);
  });

  it('reads a person with only a phone', () => {
    expect(found({ '@type': 'Person', name: 'Ada', telephone: '020 7946 0000' })).toEqual([
      { ...base, name: 'Ada', phones: ['020 7946 0000'] },
    ]);
  });

  it.each([
    ['given and family names', { givenName: 'Ada', familyName: 'Lovelace' }, 'Ada Lovelace'],
    ['a given name alone', { givenName: 'Ada' }, 'Ada'],
    ['name over given names', { name: 'A. Lovelace', givenName: 'Ada' }, 'A. Lovelace'],
    ['an array of names', { name: ['', 'Ada'] }, 'Ada'],
    ['collapsed whitespace', { name: '  Ada \n  Lovelace ' }, 'Ada Lovelace'],
    ['no name when it is not text', { name: 42 }, undefined],
  ])('names a person from %s', (_why, fields, name) => {
    expect(found({ '@type': 'Person', email: 'ada@example.com', ...fields })[0]?.name).toBe(name);
  });

  it.each([
    ['an organization object', { worksFor: { '@type': 'Organization', name: 'Acme' } }],
    ['a plain string', { worksFor: 'Acme' }],
    ['an affiliation', { affiliation: [{ '@type': 'CollegeOrUniversity', name: 'Acme' }] }],
    ['a membership', { memberOf: { '@type': 'Organization', legalName: 'Acme' } }],
  ])('takes a person’s organization from %s', (_why, fields) => {
    expect(found({ '@type': 'Person', email: 'ada@example.com', ...fields })[0]?.organization).toBe(
      'Acme',
    );
  });

  it('follows an @id reference to an organization elsewhere in the @graph', () => {
    const result = found({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'Person',
          '@id': '#ada',
          email: 'ada@example.com',
          worksFor: { '@id': '#acme' },
        },
        { '@type': 'Organization', '@id': '#acme', name: 'Acme' },
      ],
    });
    expect(result).toEqual([{ ...base, email: 'ada@example.com', organization: 'Acme' }]);
  });

  it('reads an organization’s employees, members and founders as its people', () => {
    const result = found({
      '@type': 'Corporation',
      name: 'Acme',
      employee: [
        { '@type': 'Person', name: 'Ada', email: 'ada@example.com' },
        { '@type': 'Person', name: 'Grace', telephone: '+1 212 555 0100' },
      ],
      members: { '@type': 'Person', name: 'Linus', email: 'linus@example.com' },
      founder: {
        '@type': 'Person',
        name: 'Alan',
        email: 'alan@example.com',
        worksFor: 'Elsewhere',
      },
    });
    expect(result.map((f) => [f.name, f.organization])).toEqual([
      ['Ada', 'Acme'],
      ['Grace', 'Acme'],
      ['Linus', 'Acme'],
      ['Alan', 'Acme'],
    ]);
  });

  it('reads an organization with a contact point as a contact of its own', () => {
    const result = found({
      '@type': 'LocalBusiness',
      name: 'Acme Plumbing',
      url: 'https://acme.example/',
      telephone: '+1 212 555 0100',
      contactPoint: [
        { '@type': 'ContactPoint', contactType: 'sales', email: 'sales@acme.example' },
        { '@type': 'ContactPoint', telephone: '+1 212 555 0199' },
      ],
    });
    expect(result).toEqual([
      {
        ...base,
        name: 'Acme Plumbing',
        organization: 'Acme Plumbing',
        website: 'https://acme.example/',
        email: 'sales@acme.example',
        phones: ['+1 212 555 0100', '+1 212 555 0199'],
      },
    ]);
  });

  it('gives no finding for an organization with no way to reach it', () => {
    expect(found({ '@type': 'Organization', name: 'Acme', url: 'https://acme.example' })).toEqual(
      [],
    );
  });

  it('reads a contact point on its own', () => {
    expect(found({ '@type': 'ContactPoint', email: 'help@acme.example' })).toEqual([
      { ...base, email: 'help@acme.example' },
    ]);
  });

  it.each([
    ['Organization'],
    ['LocalBusiness'],
    ['Corporation'],
    ['ProfessionalService'],
    ['EducationalOrganization'],
    ['NGO'],
    ['Dentist'],
    ['Restaurant'],
    ['OnlineStore'],
    ['InsuranceAgency'],
    ['schema:Organization'],
    ['https://schema.org/LocalBusiness'],
    ['http://schema.org/Corporation'],
    [['Brand', 'Organization']],
  ])('treats the type %j as an organization', (type) => {
    const result = found({ '@type': type, name: 'Acme', email: 'hi@acme.example' });
    expect(result).toEqual([
      { ...base, name: 'Acme', organization: 'Acme', email: 'hi@acme.example' },
    ]);
  });

  it.each([
    ['Person'],
    ['schema:Person'],
    ['https://schema.org/Person'],
    ['http://schema.org/Person'],
    [['Person', 'Patient']],
  ])('treats the type %j as a person', (type) => {
    expect(found({ '@type': type, name: 'Ada', email: 'ada@example.com' })).toEqual([
      { ...base, name: 'Ada', email: 'ada@example.com' },
    ]);
  });

  it.each([
    [
      'a product',
      {
        '@type': 'Product',
        name: 'Widget',
        email: 'sales@acme.example',
        telephone: '+1 212 555 0100',
      },
    ],
    ['an event', { '@type': 'Event', name: 'Launch', email: 'rsvp@acme.example' }],
    ['a web page', { '@type': 'WebPage', name: 'Home', email: 'web@acme.example' }],
    ['an untyped object', { name: 'Ada', email: 'ada@example.com' }],
    ['another vocabulary', { '@type': 'foaf:Person', name: 'Ada', email: 'ada@example.com' }],
    ['a type that is not a string', { '@type': 7, name: 'Ada', email: 'ada@example.com' }],
  ])('ignores %s', (_why, data) => {
    expect(found(data)).toEqual([]);
  });

  it('finds the people and organizations nested in other things', () => {
    const result = found({
      '@type': 'Event',
      name: 'Launch',
      organizer: { '@type': 'Organization', name: 'Acme', email: 'events@acme.example' },
      performer: [{ '@type': 'Person', name: 'Ada', email: 'ada@example.com' }],
    });
    expect(result.map((f) => f.email)).toEqual(['events@acme.example', 'ada@example.com']);
  });

  it('reads @graph, top-level arrays, and several blocks', () => {
    const result = found(
      {
        '@context': 'https://schema.org',
        '@graph': [{ '@type': 'Person', email: 'a@example.com' }],
      },
      [
        { '@type': 'Person', email: 'b@example.com' },
        { '@type': 'Person', email: 'c@example.com' },
      ],
      { '@type': 'Person', email: 'd@example.com' },
    );
    expect(result.map((f) => f.email)).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
      'd@example.com',
    ]);
  });

  it.each([
    ['a relative URL', '/about', undefined],
    ['a javascript: URL', 'javascript:alert(1)', undefined],
    ['an http URL', 'http://ada.example/me', 'http://ada.example/me'],
  ])('keeps a website only when it is absolute http(s): %s', (_why, url, website) => {
    expect(found({ '@type': 'Person', email: 'ada@example.com', url })[0]?.website).toBe(website);
  });

  it.each([
    ['malformed JSON', '{"@type": "Person", "email": "ada@example.com"'],
    ['an empty block', ''],
    ['a bare string', '"ada@example.com"'],
    ['null', 'null'],
    ['HTML comments around it', '<!-- {"@type":"Person","email":"ada@example.com"} -->'],
  ])('ignores %s without throwing, and still reads the other blocks', (_why, text) => {
    const result = findJsonLd(
      page(ld(text) + ld({ '@type': 'Person', email: 'kept@example.com' })),
    );
    expect(result.map((f) => f.email)).toEqual(['kept@example.com']);
  });

  it.each([
    ['application/ld+json'],
    ['Application/LD+JSON'],
    ['application/ld+json; charset=utf-8'],
  ])('reads a block typed %j', (type) => {
    const markup = `<script type="${type}">${JSON.stringify(ada)}</script>`;
    expect(findJsonLd(page(markup)).map((f) => f.email)).toEqual(['ada@example.com']);
  });

  it.each([['application/json'], ['application/ld+jsonp'], ['text/javascript'], ['']])(
    'ignores a script typed %j',
    (type) => {
      const markup = `<script type="${type}">${JSON.stringify(ada)}</script>`;
      expect(findJsonLd(page(markup))).toEqual([]);
    },
  );

  it('survives hostile nesting without throwing and stops walking deep', () => {
    const deepArrays = '['.repeat(100_000) + ']'.repeat(100_000);
    const deepObjects = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    let deepPerson: unknown = { '@type': 'Person', email: 'deep@example.com' };
    for (let i = 0; i < 100; i++) deepPerson = { nested: deepPerson };
    let shallowPerson: unknown = { '@type': 'Person', email: 'shallow@example.com' };
    for (let i = 0; i < 5; i++) shallowPerson = { nested: shallowPerson };
    expect(found(deepArrays, deepObjects, deepPerson, shallowPerson).map((f) => f.email)).toEqual([
      'shallow@example.com',
    ]);
  });

  it('stops walking a huge blob and caps what it reports', () => {
    const people = Array.from({ length: 15_000 }, (_, i) => ({
      '@type': 'Person',
      email: `person${i}@example.com`,
    }));
    const started = performance.now();
    const result = found({ '@graph': people });
    expect(result.length).toBeGreaterThan(0);
    expect(result.length).toBeLessThanOrEqual(500);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('skips a block over a megabyte', () => {
    const huge = { ...ada, description: 'x'.repeat(1_100_000) };
    expect(found(huge)).toEqual([]);
  });

  it('skips blocks inside templates, noscript and editable regions', () => {
    const doc = page(
      '<div contenteditable="true"></div><template></template><noscript><p></p></noscript><main></main>',
    );
    const script = (email: string) => {
      const element = doc.createElement('script');
      element.type = 'application/ld+json';
      element.textContent = JSON.stringify({ '@type': 'Person', email });
      return element;
    };
    doc.querySelector('[contenteditable]')!.append(script('draft@example.com'));
    doc.querySelector('template')!.append(script('template@example.com'));
    doc.querySelector('template')!.content.append(script('content@example.com'));
    doc.querySelector('noscript p')!.append(script('noscript@example.com'));
    doc.querySelector('main')!.append(script('kept@example.com'));
    expect(findJsonLd(doc).map((f) => f.email)).toEqual(['kept@example.com']);
  });

  it('reads the block it is given as the root', () => {
    const doc = page(ld({ '@type': 'Person', email: 'ada@example.com' }));
    expect(findJsonLd(doc.querySelector('script')!).map((f) => f.email)).toEqual([
      'ada@example.com',
    ]);
  });
});
