import { describe, expect, it } from 'vitest';
import { findVcardLinks } from './vcard-links';

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

const BASE = 'https://example.com/team/index.html';
const links = (body: string) => findVcardLinks(page(body), BASE);

describe('findVcardLinks', () => {
  it.each([
    ['a relative path', 'ada.vcf', 'https://example.com/team/ada.vcf'],
    ['a root path', '/cards/ada.vcf', 'https://example.com/cards/ada.vcf'],
    ['an absolute URL', 'https://cards.example/ada.vcf', 'https://cards.example/ada.vcf'],
    ['an upper-case extension', 'ADA.VCF', 'https://example.com/team/ADA.VCF'],
    ['a query string', 'ada.vcf?v=2', 'https://example.com/team/ada.vcf?v=2'],
    ['a fragment (dropped)', 'ada.vcf#card', 'https://example.com/team/ada.vcf'],
    ['plain http', 'http://example.com/ada.vcf', 'http://example.com/ada.vcf'],
  ])('finds a .vcf link given as %s', (_why, href, url) => {
    expect(links(`<a href="${href}">Save contact</a>`)).toEqual([url]);
  });

  it.each([
    ['text/vcard', 'text/vcard'],
    ['text/x-vcard', 'text/x-vcard'],
    ['any case', 'Text/VCard'],
  ])('finds a link typed %s whatever its path', (_why, type) => {
    expect(links(`<a href="/contact/ada?format=card" type="${type}">Save</a>`)).toEqual([
      'https://example.com/contact/ada?format=card',
    ]);
  });

  it.each([
    ['a .vcf in the query only', '/download?file=ada.vcf'],
    ['a longer extension', '/ada.vcfx'],
    ['a .vcf directory', '/cards.vcf/ada'],
    ['a data: URL', 'data:text/vcard,BEGIN:VCARD'],
    ['a javascript: URL', 'javascript:alert(1)//.vcf'],
    ['an ftp URL', 'ftp://example.com/ada.vcf'],
    ['a file URL', 'file:///home/ada.vcf'],
    ['a broken URL', 'https://exa mple.com:99999/ada.vcf'],
  ])('ignores %s', (_why, href) => {
    expect(links(`<a href="${href}">Save</a>`)).toEqual([]);
  });

  it('ignores anchors without an href and other typed links', () => {
    expect(
      links('<a type="text/vcard">Save</a><a href="/ada.pdf" type="application/pdf">CV</a>'),
    ).toEqual([]);
  });

  it('deduplicates, keeping page order', () => {
    expect(
      links(
        '<a href="b.vcf">B</a><a href="a.vcf">A</a><a href="/team/b.vcf">B again</a><a href="a.vcf#x">A</a>',
      ),
    ).toEqual(['https://example.com/team/b.vcf', 'https://example.com/team/a.vcf']);
  });

  it('returns at most 50', () => {
    const many = Array.from({ length: 80 }, (_, i) => `<a href="/p/${i}.vcf">${i}</a>`).join('');
    const result = links(many);
    expect(result).toHaveLength(50);
    expect(result[0]).toBe('https://example.com/p/0.vcf');
    expect(result[49]).toBe('https://example.com/p/49.vcf');
  });

  it('skips links inside templates, noscript and editable regions', () => {
    const doc = page(
      '<div contenteditable="true"><a href="draft.vcf">Draft</a></div>' +
        '<template><a href="template.vcf">T</a></template>' +
        '<noscript><a href="noscript.vcf">N</a></noscript><a href="kept.vcf">Kept</a>',
    );
    expect(findVcardLinks(doc, BASE)).toEqual(['https://example.com/team/kept.vcf']);
  });

  it('reads the link it is given as the root', () => {
    const doc = page('<a href="ada.vcf">Ada</a>');
    expect(findVcardLinks(doc.querySelector('a')!, BASE)).toEqual([
      'https://example.com/team/ada.vcf',
    ]);
  });
});
