import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOutlook, outlookOpenSender } from './outlook';

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

function fixture(name: string): Document {
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/site', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

const pane = (header: string, body = '<p>Hello.</p>') =>
  `<div id="ReadingPaneContainerId"><div>${header}</div><div aria-label="Message body">${body}</div></div>`;
const roles = (root: ParentNode) =>
  findOutlook(root).map((finding) => [finding.email, finding.role, finding.name]);

describe('findOutlook on the fixture reading pane', () => {
  const doc = fixture('outlook.html');

  it('finds the sender, the To recipients (persona and plain text) and the Cc', () => {
    expect(findOutlook(doc)).toEqual([
      {
        email: 'ravenna.makebelieve@brightwater-legal.example',
        name: 'Ravenna Makebelieve',
        source: 'outlook',
        confidence: 0.9,
        role: 'sender',
      },
      {
        email: 'robin.quill@quillworks.example',
        name: 'Robin Quill',
        source: 'outlook',
        confidence: 0.85,
        role: 'recipient',
      },
      {
        email: 'accounts@brightwater-legal.example',
        name: 'Brightwater Accounts',
        source: 'outlook',
        confidence: 0.85,
        role: 'cc',
      },
      {
        email: 'tobias@inventado-design.example',
        name: 'Tobias Inventado',
        source: 'outlook',
        confidence: 0.85,
        role: 'recipient',
      },
      // From the message list: a correspondent, not part of the open message.
      {
        email: 'hello@figmentpress.example',
        name: 'Figment Press',
        source: 'outlook',
        confidence: 0.7,
      },
    ]);
  });

  it('reads message-list senders without a role, and no one from the body', () => {
    const findings = findOutlook(doc);
    const list = findings.filter((finding) => finding.role === undefined).map((f) => f.email);
    expect(list).toEqual(['hello@figmentpress.example']);
    expect(findings).toHaveLength(5); // the reply history in the body names no one new
  });

  it('names the sender of the open message', () => {
    expect(outlookOpenSender(doc)).toEqual({
      email: 'ravenna.makebelieve@brightwater-legal.example',
      name: 'Ravenna Makebelieve',
    });
  });
});

describe('findOutlook', () => {
  it.each([
    ['title with name and address', '<button title="Ada Lovelace <ada@x.example>">Ada</button>'],
    [
      'aria-label with name and address',
      '<span role="button" aria-label="Ada Lovelace <ada@x.example>">A</span>',
    ],
    ['address in the title, name as text', '<button title="ada@x.example">Ada Lovelace</button>'],
    ['labelled aria-label', '<button aria-label="From: Ada Lovelace <ada@x.example>">Ada</button>'],
    ['plain header text', '<div>Ada Lovelace &lt;ada@x.example&gt;</div>'],
  ])('reads a persona from a %s', (_why, header) => {
    expect(findOutlook(page(pane(header)))).toEqual([
      {
        email: 'ada@x.example',
        name: 'Ada Lovelace',
        source: 'outlook',
        confidence: 0.9,
        role: 'sender',
      },
    ]);
  });

  it('without a From label, takes the first person in the header for the sender', () => {
    const header =
      '<div><button title="Ada Lovelace <ada@x.example>">Ada Lovelace</button></div>' +
      '<div>To: <button title="bo@x.example">Bo Brook</button></div>' +
      '<div>Cc: Cy Cole &lt;cy@x.example&gt;; dee@x.example</div>';
    expect(roles(page(pane(header)))).toEqual([
      ['ada@x.example', 'sender', 'Ada Lovelace'],
      ['bo@x.example', 'recipient', 'Bo Brook'],
      ['cy@x.example', 'cc', 'Cy Cole'],
      ['dee@x.example', 'cc', undefined],
    ]);
  });

  it('with a From label, takes the labelled person for the sender wherever it sits', () => {
    const header =
      '<div>To: <button title="Bo Brook <bo@x.example>">Bo</button></div>' +
      '<div>From: <button title="Ada Lovelace <ada@x.example>">Ada</button></div>' +
      '<div><button title="Eve Early <eve@x.example>">Eve</button></div>';
    expect(roles(page(pane(header)))).toEqual([
      ['bo@x.example', 'recipient', 'Bo Brook'],
      ['ada@x.example', 'sender', 'Ada Lovelace'],
      ['eve@x.example', 'recipient', 'Eve Early'],
    ]);
    expect(outlookOpenSender(page(pane(header)))).toEqual({
      email: 'ada@x.example',
      name: 'Ada Lovelace',
    });
  });

  it('has no sender when the only people are labelled recipients', () => {
    const doc = page(pane('<div>To: <button title="bo@x.example">Bo Brook</button></div>'));
    expect(roles(doc)).toEqual([['bo@x.example', 'recipient', 'Bo Brook']]);
    expect(outlookOpenSender(doc)).toBeUndefined();
  });

  it('reads one person once, keeping the first name and the label it learns', () => {
    const header =
      '<div>From: <button title="ada@x.example">Ada Lovelace</button> ' +
      '<span>&lt;ada@x.example&gt;</span></div>';
    expect(findOutlook(page(pane(header)))).toEqual([
      {
        email: 'ada@x.example',
        name: 'Ada Lovelace',
        source: 'outlook',
        confidence: 0.9,
        role: 'sender',
      },
    ]);
  });

  it('ignores personas and addresses in the message body', () => {
    const doc = page(
      pane(
        '<button title="Ada Lovelace <ada@x.example>">Ada</button>',
        '<p>From: Old Sender &lt;old@x.example&gt;</p><a title="cc@x.example">cc</a>',
      ),
    );
    expect(findOutlook(doc).map((finding) => finding.email)).toEqual(['ada@x.example']);
  });

  it('falls back to a main region that holds a message body', () => {
    const doc = page(
      '<div role="main"><button title="Ada Lovelace <ada@x.example>">Ada</button>' +
        '<div role="document"><p>Hello.</p></div></div>',
    );
    expect(roles(doc)).toEqual([['ada@x.example', 'sender', 'Ada Lovelace']]);
  });

  it('does nothing on a page without a reading pane or a main region holding a message', () => {
    const doc = page(
      '<div role="main"><button title="Ada Lovelace <ada@x.example>">Ada</button>' +
        '<p>Write to Bo Brook &lt;bo@x.example&gt;</p></div>',
    );
    expect(findOutlook(doc)).toEqual([]);
    expect(outlookOpenSender(doc)).toBeUndefined();
  });

  it('reads a reading pane passed as the root itself', () => {
    const doc = page(pane('<button title="Ada Lovelace <ada@x.example>">Ada</button>'));
    const slice = doc.getElementById('ReadingPaneContainerId')!;
    expect(roles(slice)).toEqual([['ada@x.example', 'sender', 'Ada Lovelace']]);
  });
});
