import { describe, expect, it } from 'vitest';
import { findLinks } from './links';
import { findMailtoLinks, findTelLinks } from '../../tests/support/link-readers';

const page = (body: string) =>
  new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');

describe('findLinks', () => {
  const doc = page(
    '<a href="tel:+1-212-555-0100">Call</a>' +
      '<a href="MAILTO:ada@example.com">Ada Lovelace</a>' +
      '<a href="callto:+44 20 7946 0958">Grace</a>' +
      '<a href="https://example.com/">Home</a>' +
      '<div contenteditable><a href="mailto:draft@example.com">Draft</a></div>' +
      '<a href="mailto:grace@example.com,alan@example.com">Team</a>',
  );

  it('finds what the mailto and tel readers find, mailto first, in one query', () => {
    expect(findLinks(doc)).toEqual([...findMailtoLinks(doc), ...findTelLinks(doc)]);
    expect(findLinks(doc).map((f) => f.email ?? f.phones?.[0])).toEqual([
      'ada@example.com',
      'grace@example.com',
      'alan@example.com',
      '+1-212-555-0100',
      '+44 20 7946 0958',
    ]);
  });

  it('reads a link that is itself the root', () => {
    const link = page('<a href="mailto:ada@example.com">Ada</a>').querySelector('a')!;
    expect(findLinks(link)).toEqual([
      { email: 'ada@example.com', name: 'Ada', source: 'mailto', confidence: 0.9 },
    ]);
  });
});
