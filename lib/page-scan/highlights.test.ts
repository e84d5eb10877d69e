import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RelationshipKind } from '../domain/relationship';
import { highlightsFor } from '../findings/highlight-policy';
import { highlightKnown, highlightName, type KnownText } from './highlights';

/** The nodes `html` parses to, made in the test document (the lint rule bans innerHTML). */
function parse(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return [...parsed.body.childNodes].map((node) => document.importNode(node, true));
}

function setBody(html: string): void {
  document.body.replaceChildren(...parse(html));
}

/** A stand-in for the CSS Custom Highlight API's `Highlight`: it keeps its ranges. */
class FakeHighlight {
  readonly ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
  get size() {
    return this.ranges.length;
  }
}

const KINDS: RelationshipKind[] = ['client', 'customer', 'prospect', 'former'];

let registry: Map<string, FakeHighlight>;

/** What each highlight covers, as the text of its ranges, by kind; kinds with none left out. */
function highlighted(): Partial<Record<RelationshipKind, string[]>> {
  const out: Partial<Record<RelationshipKind, string[]>> = {};
  for (const kind of KINDS) {
    const highlight = registry.get(highlightName(kind));
    if (highlight) out[kind] = highlight.ranges.map((range) => range.toString());
  }
  return out;
}

describe('highlightKnown', () => {
  beforeEach(() => {
    registry = new Map();
    // happy-dom has neither CSS.highlights nor Highlight: a registry and a recorder stand in.
    const css = typeof CSS === 'undefined' ? {} : CSS;
    vi.stubGlobal('CSS', Object.assign(Object.create(css) as object, { highlights: registry }));
    vi.stubGlobal('Highlight', FakeHighlight);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  const cases: {
    name: string;
    body: string;
    known: KnownText[];
    expected: Partial<Record<RelationshipKind, string[]>>;
  }[] = [
    {
      name: 'an address in text',
      body: '<p>Write to ada@example.com today.</p>',
      known: [{ text: 'ada@example.com', kind: 'client' }],
      expected: { client: ['ada@example.com'] },
    },
    {
      name: 'every occurrence, whatever its case',
      body: '<p>ADA@Example.COM</p><div>or <b>ada@example.com</b>, or Ada@example.com</div>',
      known: [{ text: 'ada@example.com', kind: 'customer' }],
      expected: { customer: ['ADA@Example.COM', 'ada@example.com', 'Ada@example.com'] },
    },
    {
      name: 'a known text given in another case',
      body: '<p>ada@example.com</p>',
      known: [{ text: 'Ada@Example.com', kind: 'client' }],
      expected: { client: ['ada@example.com'] },
    },
    {
      name: 'a phone as written, with characters special in a pattern',
      body: '<p>Call +1 (212) 555-0100 or (212) 555.0199.</p>',
      known: [
        { text: '+1 (212) 555-0100', kind: 'prospect' },
        { text: '(212) 555.0199', kind: 'prospect' },
      ],
      expected: { prospect: ['+1 (212) 555-0100', '(212) 555.0199'] },
    },
    {
      name: 'each kind in its own highlight',
      body: '<p>ada@example.com, grace@navy.example, linus@kernel.example, ken@bell.example</p>',
      known: [
        { text: 'ada@example.com', kind: 'client' },
        { text: 'grace@navy.example', kind: 'customer' },
        { text: 'linus@kernel.example', kind: 'prospect' },
        { text: 'ken@bell.example', kind: 'former' },
      ],
      expected: {
        client: ['ada@example.com'],
        customer: ['grace@navy.example'],
        prospect: ['linus@kernel.example'],
        former: ['ken@bell.example'],
      },
    },
    {
      name: 'the longer of two known texts that overlap',
      body: '<p>ada@example.com.au and ada@example.com</p>',
      known: [
        { text: 'ada@example.com', kind: 'client' },
        { text: 'ada@example.com.au', kind: 'former' },
      ],
      expected: { client: ['ada@example.com'], former: ['ada@example.com.au'] },
    },
    {
      name: 'a mailto link whose address is known, by its whole text',
      body: '<p>Lead: <a href="mailto:Ada@Example.com">Ada <i>Lovelace</i></a></p>',
      known: [{ text: 'ada@example.com', kind: 'client' }],
      expected: { client: ['Ada Lovelace'] },
    },
    {
      name: 'a mailto link with several recipients, encoded, with a query',
      body: '<a href="MAILTO:bob@other.example,%20ada%40example.com?subject=Hi">Team</a>',
      known: [{ text: 'ada@example.com', kind: 'customer' }],
      expected: { customer: ['Team'] },
    },
    {
      name: 'a tel link whose number is known as written',
      body: '<a href="tel:+1-212-555-0100">Front desk</a>',
      known: [{ text: '+1-212-555-0100', kind: 'prospect' }],
      expected: { prospect: ['Front desk'] },
    },
    {
      name: 'a percent-encoded tel link',
      body: '<a href="tel:%2B1%20212%20555%200100">Office</a>',
      known: [{ text: '+1 212 555 0100', kind: 'former' }],
      expected: { former: ['Office'] },
    },
    {
      name: 'no link whose href is not known',
      body: '<a href="mailto:bob@other.example">Bob</a><a href="tel:+1-212-555-0199">Desk</a>',
      known: [
        { text: 'ada@example.com', kind: 'client' },
        { text: '+1-212-555-0100', kind: 'client' },
      ],
      expected: {},
    },
    {
      name: 'no link without text',
      body: '<a href="mailto:ada@example.com"> </a>',
      known: [{ text: 'ada@example.com', kind: 'client' }],
      expected: {},
    },
    {
      name: 'no text the page does not show (scripts, form fields)',
      body:
        '<script type="text/x-template">ada@example.com</script><textarea>ada@example.com</textarea>' +
        '<p>shown: ada@example.com</p>',
      known: [{ text: 'ada@example.com', kind: 'client' }],
      expected: { client: ['ada@example.com'] },
    },
    {
      name: 'nothing for texts that are not known',
      body: '<p>grace@navy.example</p>',
      known: [{ text: 'ada@example.com', kind: 'client' }],
      expected: {},
    },
    {
      name: 'not a known address inside a longer one',
      body: '<p>nada@example.com, ada@example.com.au, ada@example.community</p>',
      known: [{ text: 'ada@example.com', kind: 'client' }],
      expected: {},
    },
    {
      name: 'not a known phone inside a longer number',
      body: '<p>Ref 1-212-555-0100 and 212-555-01009</p>',
      known: [{ text: '212-555-0100', kind: 'client' }],
      expected: {},
    },
    {
      name: 'a known address ending a sentence or in brackets',
      body: '<p>Ada &lt;ada@example.com&gt;. Mail ada@example.com.</p>',
      known: [{ text: 'ada@example.com', kind: 'client' }],
      expected: { client: ['ada@example.com', 'ada@example.com'] },
    },
    {
      name: 'the right text after a character whose lower case is longer',
      body: '<p>İstanbul office: ada@example.com</p>',
      known: [{ text: 'ada@example.com', kind: 'client' }],
      expected: { client: ['ada@example.com'] },
    },
  ];

  for (const { name, body, known, expected } of cases) {
    it(`highlights ${name}`, () => {
      setBody(body);
      const count = highlightKnown(document, known);
      expect(highlighted()).toEqual(expected);
      expect(count).toBe(Object.values(expected).flat().length);
      // Only the kinds with something to show are registered.
      expect([...registry.keys()].sort()).toEqual(
        Object.keys(expected)
          .map((kind) => highlightName(kind as RelationshipKind))
          .sort(),
      );
    });
  }

  it('puts each range over the page’s own text node, changing nothing', () => {
    setBody('<p id="p">Write to ada@example.com today.</p>');
    const observer = new MutationObserver(() => undefined);
    observer.observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    highlightKnown(document, [{ text: 'ada@example.com', kind: 'client' }]);
    const changes = observer.takeRecords();
    observer.disconnect();

    const [range] = registry.get(highlightName('client'))!.ranges;
    const text = document.getElementById('p')!.firstChild;
    expect(range?.startContainer).toBe(text);
    expect(range?.endContainer).toBe(text);
    expect([range?.startOffset, range?.endOffset]).toEqual([9, 24]);
    expect(changes).toEqual([]);
  });

  it('removes the highlights when called again with nothing known', () => {
    setBody('<p>ada@example.com grace@navy.example</p>');
    highlightKnown(document, [
      { text: 'ada@example.com', kind: 'client' },
      { text: 'grace@navy.example', kind: 'former' },
    ]);
    expect(registry.size).toBe(2);

    expect(highlightKnown(document, [])).toBe(0);
    expect(registry.size).toBe(0);
  });

  it('replaces a kind’s highlight and removes kinds no longer known', () => {
    setBody('<p>ada@example.com grace@navy.example</p>');
    highlightKnown(document, [
      { text: 'ada@example.com', kind: 'client' },
      { text: 'grace@navy.example', kind: 'former' },
    ]);
    highlightKnown(document, [{ text: 'grace@navy.example', kind: 'client' }]);
    expect(highlighted()).toEqual({ client: ['grace@navy.example'] });
  });

  it('does nothing, and says so, where the API is missing', () => {
    vi.stubGlobal('Highlight', undefined);
    setBody('<p>ada@example.com</p>');
    expect(highlightKnown(document, [{ text: 'ada@example.com', kind: 'client' }])).toBe(0);
    expect(registry.size).toBe(0);
  });
});

describe('highlightName', () => {
  it('names neither the extension nor the kind, and differs per kind', () => {
    const names = KINDS.map(highlightName);
    expect(new Set(names).size).toBe(KINDS.length);
    for (const [index, name] of names.entries()) {
      expect(name).toMatch(/^h[a-z0-9]+$/); // a CSS identifier
      expect(name.toLowerCase()).not.toContain('clientele');
      expect(name).not.toContain(KINDS[index]!);
    }
  });
});

describe('highlightKnown and the page’s styles', () => {
  beforeEach(() => {
    vi.stubGlobal('CSS', { highlights: new Map() });
    vi.stubGlobal('Highlight', FakeHighlight);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('adds no stylesheet to a page with nothing to show: that would restyle all of it', async () => {
    // A fresh module: the sheet is adopted once per page, and earlier tests adopted it.
    vi.resetModules();
    const fresh = await import('./highlights');
    document.adoptedStyleSheets = [];
    setBody('<p>ada@example.com</p>');
    expect(fresh.highlightKnown(document, [])).toBe(0);
    expect(fresh.highlightKnown(document, [{ text: 'nobody@else.example', kind: 'client' }])).toBe(
      0,
    );
    expect(document.adoptedStyleSheets).toHaveLength(0);
    // Something to show: now, and only now, the styles arrive.
    expect(fresh.highlightKnown(document, [{ text: 'ada@example.com', kind: 'client' }])).toBe(1);
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });
});

describe('what a page can read of the highlights', () => {
  beforeEach(() => {
    registry = new Map();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal('Highlight', FakeHighlight);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  const people: { text: string; kind: RelationshipKind }[] = [
    { text: 'ada@example.com', kind: 'client' },
    { text: 'grace@navy.example', kind: 'customer' },
    { text: 'linus@kernel.example', kind: 'prospect' },
    { text: 'alan@bletchley.example', kind: 'former' },
  ];

  /**
   * Per highlighted text, everything a page's script can see about its highlight: the
   * name it is registered under and the style rule the adopted sheets give that name.
   */
  async function pageView(kindColours: boolean): Promise<Map<string, string>> {
    vi.resetModules();
    const fresh = await import('./highlights');
    document.adoptedStyleSheets = [];
    // happy-dom drops `::highlight()` rules when it parses a sheet: the text given to
    // the sheets is read instead, one rule a line.
    const sheets = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    setBody(`<p>${people.map(({ text }) => text).join(' and ')}</p>`);
    fresh.highlightKnown(document, highlightsFor(people, kindColours));
    const rules = sheets.mock.calls.flatMap(([text]) => text.split('\n'));
    sheets.mockRestore();
    const view = new Map<string, string>();
    for (const [name, highlight] of registry) {
      const style = rules
        .filter((rule) => rule.includes(`::highlight(${name})`))
        .map((rule) => rule.slice(rule.indexOf('{')));
      for (const range of highlight.ranges) view.set(range.toString(), `${name} ${style.join()}`);
    }
    return view;
  }

  it('by default gives every known person one name and one style: kinds cannot be told apart', async () => {
    const view = await pageView(false);
    expect([...view.keys()].sort()).toEqual(people.map(({ text }) => text).sort());
    expect(new Set(view.values()).size).toBe(1);
    expect([...view.values()][0]).toMatch(/background-color/);
  });

  it('tells the kinds apart only when the user chose colours by kind', async () => {
    const view = await pageView(true);
    expect(new Set(view.values()).size).toBe(people.length);
  });
});
