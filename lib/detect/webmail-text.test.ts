import { describe, expect, it } from 'vitest';
import { cleanName, labelBefore, leadingLabel, mailboxesIn, textLines } from './webmail-text';
import { selectAll } from './element-skip';

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

describe('textLines', () => {
  it.each([
    ['br', 'Best,<br>Ada Lovelace<br/>Director', ['Best,', 'Ada Lovelace', 'Director']],
    [
      'div and p',
      '<div>Best,</div><p>Ada Lovelace</p>Director',
      ['Best,', 'Ada Lovelace', 'Director'],
    ],
    ['li', '<ul><li>one</li><li>two</li></ul>', ['one', 'two']],
    ['inline elements join', '<span>Ada</span> <b>Lovelace</b>', ['Ada Lovelace']],
    ['split words join', 'Ada<span>bella</span>', ['Adabella']],
    ['whitespace collapses', '  Ada \n\t Lovelace&nbsp; ', ['Ada Lovelace']],
    ['empty lines dropped', '<div><br></div><div> </div>x<br><br>y', ['x', 'y']],
    ['pre newlines', '<pre>Best,\nAda Lovelace\n\nT: 1</pre>', ['Best,', 'Ada Lovelace', 'T: 1']],
    ['table cells', '<table><tr><td>Ada</td><td>Director</td></tr></table>', ['Ada', 'Director']],
    ['script and style skipped', 'a<script>var x</script><style>p{}</style>b', ['ab']],
  ])('breaks lines at %s', (_why, markup, lines) => {
    expect(textLines(page(markup).body)).toEqual(lines);
  });

  it('leaves out elements the caller skips, with their contents', () => {
    const body = page('<div>Thanks,</div><blockquote><div>quoted</div></blockquote><div>Ada</div>');
    expect(textLines(body.body, (element) => element.tagName === 'BLOCKQUOTE')).toEqual([
      'Thanks,',
      'Ada',
    ]);
  });

  it('reads a pre root as preformatted', () => {
    expect(textLines(page('<pre>a\nb</pre>').querySelector('pre')!)).toEqual(['a', 'b']);
  });
});

describe('mailboxesIn', () => {
  it.each([
    ['Alice Smith <Alice@Example.COM>', [{ email: 'alice@example.com', name: 'Alice Smith' }]],
    ['<alice@example.com>', [{ email: 'alice@example.com' }]],
    ['alice@example.com', [{ email: 'alice@example.com' }]],
    [
      'To: Bob Stone <bob@x.example>; Carol Reed <carol@x.example>',
      [
        { email: 'bob@x.example', name: 'Bob Stone' },
        { email: 'carol@x.example', name: 'Carol Reed' },
      ],
    ],
    [
      'ops@x.example, Eve Example <eve@x.example>, ops@x.example',
      [{ email: 'ops@x.example' }, { email: 'eve@x.example', name: 'Eve Example' }],
    ],
    [
      'On Tue, 4 Mar 2025 at 09:12, Dana Fictional <dana@x.example> wrote:',
      [{ email: 'dana@x.example', name: 'Dana Fictional' }],
    ],
    [
      'On Mon, Mar 3, 2025 at 10:00 AM Dana Fictional <dana@x.example> wrote:',
      [{ email: 'dana@x.example', name: 'Dana Fictional' }],
    ],
    [
      'Le mar. 4 mars 2025 à 09:12, Dana Fictional <dana@x.example> a écrit :',
      [{ email: 'dana@x.example', name: 'Dana Fictional' }],
    ],
    [
      'Am Di., 4. März 2025 um 09:12 Uhr schrieb Dana Fictional <dana@x.example>:',
      [{ email: 'dana@x.example', name: 'Dana Fictional' }],
    ],
    ['"Smith, Bob" <bob@x.example>', [{ email: 'bob@x.example', name: 'Smith, Bob' }]],
    [
      'Alice Smith (Northwind) <alice@x.example>',
      [{ email: 'alice@x.example', name: 'Alice Smith' }],
    ],
    [
      'Zoë Ångström <zoe@bücher.example>',
      [{ email: 'zoe@xn--bcher-kva.example', name: 'Zoë Ångström' }],
    ],
    ['Call 555 0100 <desk@x.example>', [{ email: 'desk@x.example' }]],
    ['desk@x.example <desk@x.example>', [{ email: 'desk@x.example' }]],
    ['ops@x.example Eve <eve@x.example>', [{ email: 'ops@x.example' }, { email: 'eve@x.example' }]],
    ['Broken <not-an-address@>, ops@x.example', [{ email: 'ops@x.example' }]],
    [
      'dana@x.example; Dana Fictional <dana@x.example>',
      [{ email: 'dana@x.example', name: 'Dana Fictional' }],
    ],
    ['no address here', []],
  ])('reads %j', (text, mailboxes) => {
    expect(mailboxesIn(text)).toEqual(mailboxes);
  });
});

describe('cleanName', () => {
  it.each([
    ['  Ada   Lovelace ', 'Ada Lovelace'],
    ['"Ada Lovelace"', 'Ada Lovelace'],
    ['ada@example.com', undefined],
    ['A', undefined],
    ['Room 101', undefined],
    ['one two three four five six seven', undefined],
    ['—', undefined],
    [null, undefined],
  ])('%j → %j', (raw, name) => {
    expect(cleanName(raw)).toBe(name);
  });
});

describe('header labels', () => {
  it.each([
    ['From: Ada <a@x.example>', 'from'],
    ['  cc : a@x.example', 'cc'],
    ['BCC: a@x.example', 'bcc'],
    ['To:', 'to'],
    ['Tobias <t@x.example>', undefined],
  ])('leadingLabel(%j) is %j', (text, label) => {
    expect(leadingLabel(text)).toBe(label);
  });

  it('reads the last label before an element in its row', () => {
    const doc = page(
      '<div><span>to <i id="a">Ann</i>, <i id="b">Bob</i> cc: <i id="c">Cy</i> bcc: <i id="d">Di</i></span></div>' +
        '<table><tr><td>Cc:</td><td><i id="e">Ed</i></td></tr></table><p><i id="f">Flo</i></p>',
    );
    const label = (id: string) => labelBefore(doc.getElementById(id)!);
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map(label)).toEqual([
      'to',
      'to',
      'cc',
      'bcc',
      'cc',
      undefined,
    ]);
  });

  it('does not take a word that contains a label for one', () => {
    const doc = page('<div>Toby Ccarter <i id="x">X</i></div>');
    expect(labelBefore(doc.getElementById('x')!)).toBeUndefined();
  });
});

describe('selectAll', () => {
  it('includes the root when it matches, then its matching descendants', () => {
    const doc = page('<div class="m" id="outer"><div class="m" id="inner"></div></div>');
    const outer = doc.getElementById('outer')!;
    expect(selectAll(outer, '.m').map((element) => element.id)).toEqual(['outer', 'inner']);
    expect(selectAll(doc, '.m').map((element) => element.id)).toEqual(['outer', 'inner']);
  });
});
