import { describe, expect, it } from 'vitest';
import { isUnderSkippedElement, isInSkippedElement, ownElements, selectAll } from './element-skip';

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

describe('isInSkippedElement', () => {
  it.each([
    ['a plain element', '<main><p><b id="x">x</b></p></main>', false, false],
    ['an editable region', '<div contenteditable="true"><p><b id="x">x</b></p></div>', true, true],
    ['noscript (parsed as markup)', '<noscript><p><b id="x">x</b></p></noscript>', true, true],
    ['an svg', '<svg><foreignObject><b id="x">x</b></foreignObject></svg>', true, true],
    ['a skipped element itself', '<main><script id="x"></script></main>', true, false],
  ])('inside %s: %s, ancestor: %s', (_why, markup, skipped, ancestor) => {
    const element = page(markup).getElementById('x')!;
    expect(isInSkippedElement(element)).toBe(skipped);
    expect(isUnderSkippedElement(element)).toBe(ancestor);
  });
});

describe('selectAll', () => {
  it('includes the root when it matches, then its descendants in order', () => {
    const root = page('<div class="c" id="a"><p class="c" id="b"></p></div>').getElementById('a')!;
    expect(selectAll(root, '.c').map((el) => el.id)).toEqual(['a', 'b']);
  });

  it('works on a document, which matches nothing itself', () => {
    expect(selectAll(page('<p class="c"></p>'), '.c')).toHaveLength(1);
  });
});

describe('ownElements', () => {
  it('keeps only the elements whose nearest scope is the given one', () => {
    const doc = page(
      '<div class="s" id="outer"><i class="p" id="1"></i>' +
        '<div class="s p" id="2"><i class="p" id="3"></i></div>' +
        '<span><i class="p" id="4"></i></span>' +
        '<div contenteditable="true"><i class="p" id="5"></i></div></div>',
    );
    const own = ownElements(doc.getElementById('outer')!, '.p', '.s');
    expect(own.map((el) => el.id)).toEqual(['1', '2', '4']);
  });
});
