import { describe, expect, it } from 'vitest';
import {
  EDITABLE,
  isInSkippedElement,
  isSkippedElement,
  isUnderSkippedElement,
  ownElements,
  selectAll,
  SKIPPED_TAGS,
  skippedElementTest,
} from './element-skip';

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

describe('skipped elements, read without selector matching', () => {
  // What the skipped tags and EDITABLE say as a selector list, as `matches` and `closest` read it.
  const selector = [...[...SKIPPED_TAGS].map((tag) => tag.toLowerCase()), EDITABLE].join(', ');
  const doc = page(
    '<main><p><a href="#">kept</a></p>' +
      '<div contenteditable="true"><p><a href="#">draft</a></p>' +
      '<span contenteditable="false"><a href="#">still the draft</a></span></div>' +
      '<div contenteditable="plaintext-only"><a href="#">typed</a></div>' +
      '<div contenteditable=""><a href="#">typed too</a></div>' +
      '<noscript><a href="#">noscript</a></noscript>' +
      '<svg><a href="#"><text>svg</text></a><foreignObject><p><a href="#">inside</a></p></foreignObject></svg>' +
      '<select><option>one</option></select><textarea>typed</textarea>' +
      '<ul><li><a href="#">one</a></li><li><a href="#">two</a></li></ul></main>',
  );
  const elements = [...doc.querySelectorAll('*')];

  it('says what matching the selector list says, element by element', () => {
    expect(elements.map(isSkippedElement)).toEqual(elements.map((el) => el.matches(selector)));
    expect(elements.map(isInSkippedElement)).toEqual(
      elements.map((el) => el.closest(selector) !== null),
    );
    expect(elements.filter(isInSkippedElement).length).toBeGreaterThan(5);
  });

  it('reads "false" in any case as not editable, as the selector\'s `i` flag does', () => {
    // (happy-dom ignores that flag, so this is checked on its own.)
    const region = page('<div contenteditable="FALSE"><a href="#">read</a></div>');
    expect(isInSkippedElement(region.querySelector('a')!)).toBe(false);
    expect(isSkippedElement(region.querySelector('div')!)).toBe(false);
  });

  it('answers the same from memory, in any order of asking', () => {
    const expected = elements.map((el) => el.closest(selector) !== null);
    const inOrder = skippedElementTest();
    expect(elements.map(inOrder)).toEqual(expected);
    // Deepest first: an ancestor is then answered from what a walk up from below remembered.
    const reversed = skippedElementTest();
    expect([...elements].reverse().map(reversed).reverse()).toEqual(expected);
    const links = skippedElementTest();
    expect([...doc.querySelectorAll('a')].map(links)).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
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
