import { describe, expect, it } from 'vitest';
import { runTextDetectors } from './text-pass';
import { findTextEmails } from './text-emails';

const findIn = (root: ParentNode) =>
  runTextDetectors(root, { at: [findTextEmails], digits: [], spelled: [] });

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string, head = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

const emailsIn = (root: ParentNode) => findIn(root).map((finding) => finding.email);

describe('findTextEmails', () => {
  it('finds an address in running text as a normalised text-email finding', () => {
    expect(findIn(page('<p>Write to Ada@Example.COM about the audit.</p>'))).toEqual([
      { email: 'ada@example.com', source: 'text-email', confidence: 0.6 },
    ]);
  });

  it('finds several addresses in one text node, in order, and keeps repeats for the merge', () => {
    expect(
      emailsIn(page('<p>ada@example.com, grace@navy.example and ADA@example.com</p>')),
    ).toEqual(['ada@example.com', 'grace@navy.example', 'ada@example.com']);
  });

  it('finds addresses across elements, including inside ordinary links and tables', () => {
    expect(
      emailsIn(
        page(
          '<header>sales@acme.example</header>' +
            '<table><tr><td>Grace</td><td>grace@navy.example</td></tr></table>' +
            '<a href="/team">linus@kernel.example</a>',
        ),
      ),
    ).toEqual(['sales@acme.example', 'grace@navy.example', 'linus@kernel.example']);
  });

  it.each([
    ['a full stop', 'Mail ada@example.com.', 'ada@example.com'],
    ['an ellipsis', 'Try ada@example.com...', 'ada@example.com'],
    ['a comma', 'ada@example.com, then', 'ada@example.com'],
    ['a semicolon', 'ada@example.com; or', 'ada@example.com'],
    ['a colon', 'ada@example.com: yes', 'ada@example.com'],
    ['a question mark', 'Is it ada@example.com?', 'ada@example.com'],
    ['an exclamation mark', 'Write ada@example.com!', 'ada@example.com'],
    ['a trailing hyphen', 'ada@example.com- or', 'ada@example.com'],
    ['a dash and a stop', 'ada@example.com-.', 'ada@example.com'],
    ['parentheses', '(ada@example.com)', 'ada@example.com'],
    ['angle brackets', 'Ada &lt;ada@example.com&gt;', 'ada@example.com'],
    ['curly quotes', '“ada@example.com”', 'ada@example.com'],
    ['a label before it', 'Email:ada@example.com', 'ada@example.com'],
    ['non-breaking spaces', 'mail&nbsp;ada@example.com&nbsp;now', 'ada@example.com'],
  ])('trims %s', (_what, text, expected) => {
    expect(emailsIn(page(`<p>${text}</p>`))).toEqual([expected]);
  });

  it('keeps dots, plus tags and subdomains that belong to the address', () => {
    expect(emailsIn(page('<p>first.last+tag@mail.sub.example.co.uk.</p>'))).toEqual([
      'first.last+tag@mail.sub.example.co.uk',
    ]);
  });

  it('normalises an international address', () => {
    expect(emailsIn(page('<p>Zoë@Bücher.de</p>'))).toEqual(['zoë@xn--bcher-kva.de']);
  });

  it('accepts international top-level domains, written out or in punycode', () => {
    expect(emailsIn(page('<p>ada@пример.рф, grace@example.xn--p1ai</p>'))).toEqual([
      'ada@xn--e1afmkfd.xn--p1ai',
      'grace@example.xn--p1ai',
    ]);
  });

  it.each([
    ['a retina image name', 'logo@2x.png'],
    ['an upper-case image name', 'LOGO@2X.PNG'],
    ['other asset names', 'icon@3x.webp sprite@2x.svg bundle@1.2.js photo@2x.jpeg'],
    ['a scoped package', 'npm i @scope/package'],
    ['a scoped package with a version', 'npm i @types/node@20.11.5 @babel/core@7.24.0'],
    ['a versioned package', 'lodash@4.17.21'],
    ['a scoped package with a pre-release version', 'npm i @scope/package@1.0.0-beta'],
    ['a pre-release version', 'typescript@5.6.0-beta and core@17.0.0-rc'],
    ['a host without a dot', 'user@localhost'],
    ['an IP literal', 'root@127.0.0.1'],
    ['a handle', 'follow @ada on social'],
    ['a bare at-rule', 'use @media (min-width: 40em)'],
    ['a double dot', 'a..b@example.com'],
  ])('ignores %s', (_what, text) => {
    expect(findIn(page(`<p>${text}</p>`))).toEqual([]);
  });

  it('does not read CSS in a <style>, even an at-rule or an address in a comment', () => {
    const doc = page(
      '<style>/* admin@example.com */ @media screen { .a { background: url(hero@2x.png) } }</style>',
      '<style>@import url("theme@example.com.css"); @font-face { font-family: x }</style>',
    );
    expect(findIn(doc)).toEqual([]);
  });

  it.each([
    ['a script', '<script>const owner = "script@example.com";</script>'],
    ['a JSON script', '<script type="application/ld+json">{"email":"json@example.com"}</script>'],
    ['a template', '<template><p>template@example.com</p></template>'],
    ['a noscript', '<noscript>noscript@example.com</noscript>'],
    ['a textarea', '<textarea>draft@example.com</textarea>'],
    ['an input value', '<input type="email" value="typed@example.com">'],
    ['a select', '<select><option>option@example.com</option></select>'],
    ['SVG text', '<svg><text>svg@example.com</text></svg>'],
    ['an HTML comment', '<!-- comment@example.com -->'],
    [
      'attributes',
      '<img alt="alt@example.com" title="title@example.com" data-email="d@example.com">',
    ],
    [
      'a contenteditable region',
      '<div contenteditable="true"><p>Hi <b>compose@example.com</b></p></div>',
    ],
    [
      'a plaintext-only editable region',
      '<div contenteditable="plaintext-only">plain@example.com</div>',
    ],
  ])('does not read %s', (_what, html) => {
    expect(findIn(page(`<p>visible@example.com</p>${html}`))).toEqual([
      { email: 'visible@example.com', source: 'text-email', confidence: 0.6 },
    ]);
  });

  it('reads a non-editable island the page itself marks inside nothing editable', () => {
    expect(emailsIn(page('<div contenteditable="false">shown@example.com</div>'))).toEqual([
      'shown@example.com',
    ]);
  });

  it('resumes reading after a skipped element', () => {
    const doc = page(
      '<div><p>one@example.com</p><textarea>no@example.com</textarea><p>two@example.com</p></div>' +
        '<div contenteditable="true">no2@example.com</div><span>three@example.com</span>',
    );
    expect(emailsIn(doc)).toEqual(['one@example.com', 'two@example.com', 'three@example.com']);
  });

  it('looks only under the root it is given', () => {
    const doc = page('<aside>outside@example.com</aside><main><p>inside@example.com</p></main>');
    const main = doc.querySelector('main');
    if (!main) throw new Error('no main');
    expect(emailsIn(main)).toEqual(['inside@example.com']);
  });

  it('finds nothing on a page without addresses', () => {
    expect(findIn(page('<p>No contact details here, only @ signs and dots.</p>'))).toEqual([]);
  });
});

describe('findTextEmails around sentence punctuation', () => {
  it('keeps an address that follows an ellipsis or a dash', () => {
    expect(
      emailsIn(page('<p>Thanks...ada@example.com, and --grace@example.com.</p>').body),
    ).toEqual(['ada@example.com', 'grace@example.com']);
  });
});
