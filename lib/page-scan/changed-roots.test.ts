import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedRoots } from './changed-roots';

/** The nodes `html` parses to, made in the test document (the lint rule bans innerHTML). */
function parse(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return [...parsed.body.childNodes].map((node) => document.importNode(node, true));
}

function setBody(html: string): void {
  document.body.replaceChildren(...parse(html));
}

/** Real mutation records for whatever `mutate` does to the body, as an observer sees them. */
function recordsOf(mutate: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => undefined);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  mutate();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

function element(html: string): HTMLElement {
  return parse(html.trim())[0] as HTMLElement;
}

/** A fixed page to mutate: each element has an id to name it by in the table below. */
const PAGE = `
  <main id="main">
    <section id="section">
      <p id="para">Hello <b id="bold">there</b></p>
      <ul id="list"><li id="item">one</li></ul>
    </section>
    <aside id="aside">side</aside>
  </main>`;

const byId = (id: string) => document.getElementById(id)!;

describe('changedRoots', () => {
  beforeEach(() => {
    setBody(PAGE);
  });
  afterEach(() => {
    document.body.replaceChildren();
  });

  const cases: { name: string; mutate: () => void; roots: string[] }[] = [
    {
      name: 'an added element is its own root',
      mutate: () => byId('aside').append(element('<div id="new">new</div>')),
      roots: ['new'],
    },
    {
      name: 'added text is read through its parent',
      mutate: () => byId('aside').append(document.createTextNode(' more')),
      roots: ['aside'],
    },
    {
      name: 'edited text is read through its parent',
      mutate: () => {
        (byId('bold').firstChild as Text).data = 'ada@example.com';
      },
      roots: ['bold'],
    },
    {
      name: 'text edited twice gives its parent once',
      mutate: () => {
        const text = byId('item').firstChild as Text;
        text.data = 'two';
        text.appendData(' three');
      },
      roots: ['item'],
    },
    {
      name: 'an element added inside another added element collapses to the outer one',
      mutate: () => {
        const outer = element('<div id="outer"></div>');
        byId('aside').append(outer);
        outer.append(element('<span id="inner">x</span>'));
      },
      roots: ['outer'],
    },
    {
      name: 'an edit inside an added element collapses to the added element',
      mutate: () => {
        byId('section').append(element('<div id="card"><p id="card-p">x</p></div>'));
        (byId('card-p').firstChild as Text).data = 'y';
      },
      roots: ['card'],
    },
    {
      name: 'an edit under an element whose text was also added collapses to the outer parent',
      mutate: () => {
        byId('section').append(document.createTextNode('tail'));
        (byId('bold').firstChild as Text).data = 'changed';
      },
      roots: ['section'],
    },
    {
      name: 'unrelated changes keep separate roots, in the order first seen',
      mutate: () => {
        byId('aside').append(element('<em id="a1">a</em>'));
        (byId('item').firstChild as Text).data = 'edited';
        byId('para').append(element('<i id="p1">p</i>'));
      },
      roots: ['a1', 'item', 'p1'],
    },
    {
      name: 'an element added then removed is dropped',
      mutate: () => {
        const gone = element('<div id="gone">x</div>');
        byId('aside').append(gone);
        gone.remove();
      },
      roots: [],
    },
    {
      name: 'text added then removed is dropped (it has no parent left)',
      mutate: () => {
        const text = document.createTextNode('gone');
        byId('aside').append(text);
        text.remove();
      },
      roots: [],
    },
    {
      name: 'an edited text whose parent was then removed is dropped',
      mutate: () => {
        (byId('bold').firstChild as Text).data = 'x';
        byId('para').remove();
      },
      roots: [],
    },
    {
      name: 'an added element moved into a detached tree is dropped, its siblings kept',
      mutate: () => {
        const kept = element('<div id="kept">k</div>');
        const moved = element('<div id="moved">m</div>');
        byId('aside').append(kept, moved);
        document.createElement('div').append(moved);
      },
      roots: ['kept'],
    },
    {
      name: 'removals alone give nothing to read',
      mutate: () => byId('list').remove(),
      roots: [],
    },
    {
      name: 'an added comment gives nothing to read',
      mutate: () => byId('aside').append(document.createComment('note')),
      roots: [],
    },
  ];

  for (const { name, mutate, roots } of cases) {
    it(name, () => {
      const records = recordsOf(mutate);
      expect(records.length).toBeGreaterThan(0);
      expect(changedRoots(records).map((root) => root.id)).toEqual(roots);
    });
  }

  it('reads the records an observer delivers asynchronously', async () => {
    const delivered: MutationRecord[] = [];
    const observer = new MutationObserver((records) => delivered.push(...records));
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    byId('aside').append(element('<div id="late">late</div>'));
    (byId('item').firstChild as Text).data = 'edited';
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    expect(changedRoots(delivered).map((root) => root.id)).toEqual(['late', 'item']);
  });

  it('returns the live elements themselves', () => {
    const added = element('<div id="added">x</div>');
    const roots = changedRoots(recordsOf(() => byId('aside').append(added)));
    expect(roots[0]).toBe(added);
  });

  it('returns nothing for no mutations', () => {
    expect(changedRoots([])).toEqual([]);
  });
});

describe('changedRoots, on a feed that adds rows one by one', () => {
  afterEach(() => document.body.replaceChildren());

  it('keeps only the outermost roots, in time proportional to the rows', () => {
    const feed = document.body.appendChild(document.createElement('ol'));
    const records = recordsOf(() => {
      for (let i = 0; i < 10_000; i++) {
        const row = feed.appendChild(document.createElement('li'));
        row.appendChild(document.createElement('span')).textContent = `row ${i}`;
      }
    });
    const started = performance.now();
    const roots = changedRoots(records);
    const took = performance.now() - started;
    expect(roots).toHaveLength(10_000);
    expect(roots.every((root) => root.tagName === 'LI')).toBe(true);
    // Checking every root against every other took tens of seconds here; walking up, milliseconds.
    expect(took).toBeLessThan(1000);
  });
});
