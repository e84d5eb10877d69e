import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGmail, openMessageSender } from './gmail';

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

/** What the fixture's #open-next button does: the template's message replaces the open one. */
function openNext(doc: Document): void {
  const next = doc.getElementById('next-message') as HTMLTemplateElement;
  doc.querySelector('div.adn')!.replaceWith(next.content.cloneNode(true));
}

const person = (email: string, name: string, extra = '', cls = 'gD') =>
  `<span class="${cls}" email="${email}" name="${name}"${extra}>${name}</span>`;
const message = (header: string, body = '') =>
  `<div class="adn ads"><div class="gE">${header}</div><div class="ii gt"><div class="a3s aiL">${body}</div></div></div>`;

describe('findGmail on the fixture conversation', () => {
  const doc = fixture('gmail.html');

  it('finds the sender, the recipients, the cc, the quoted person and the inbox rows', () => {
    expect(findGmail(doc)).toEqual([
      {
        email: 'marigold.testwell@harbourlight.example',
        name: 'Marigold Testwell',
        source: 'gmail',
        confidence: 0.95,
        role: 'sender',
      },
      {
        email: 'robin.quill@quillworks.example',
        source: 'gmail',
        confidence: 0.9,
        role: 'recipient',
      },
      {
        email: 'otto.placeholder@harbourlight.example',
        name: 'Otto Placeholder',
        source: 'gmail',
        confidence: 0.9,
        role: 'recipient',
      },
      {
        email: 'juniper.sample@ledgerline.example',
        name: 'Juniper Sample',
        source: 'gmail',
        confidence: 0.9,
        role: 'cc',
      },
      {
        email: 'bart.fakename@northwind-ops.example',
        name: 'Bartholomew Fakename',
        source: 'gmail',
        confidence: 0.4,
        role: 'quoted',
      },
      // Inbox rows, then the collapsed earlier message: no role.
      {
        email: 'marigold.testwell@harbourlight.example',
        name: 'Marigold Testwell',
        source: 'gmail',
        confidence: 0.7,
      },
      {
        email: 'quentin.mockley@mockley-consulting.example',
        name: 'Quentin Mockley',
        source: 'gmail',
        confidence: 0.7,
      },
      {
        email: 'hello@figmentpress.example',
        name: 'Figment Press',
        source: 'gmail',
        confidence: 0.7,
      },
      {
        email: 'otto.placeholder@harbourlight.example',
        name: 'Otto Placeholder',
        source: 'gmail',
        confidence: 0.7,
      },
    ]);
  });

  it('does not read the next message, which waits in a template', () => {
    const emails = findGmail(doc).map((finding) => finding.email);
    expect(emails).not.toContain('wendell.notreal@quayside.example');
  });

  it('names the sender of the open message', () => {
    expect(openMessageSender(doc)).toEqual({
      email: 'marigold.testwell@harbourlight.example',
      name: 'Marigold Testwell',
    });
  });

  it('follows the open message when another replaces it without a page load', () => {
    const swapped = fixture('gmail.html');
    openNext(swapped);
    expect(openMessageSender(swapped)).toEqual({
      email: 'wendell.notreal@quayside.example',
      name: 'Wendell Notreal',
    });
    const roles = findGmail(swapped)
      .filter((finding) => finding.role)
      .map((finding) => [finding.email, finding.role]);
    expect(roles).toEqual([
      ['wendell.notreal@quayside.example', 'sender'],
      ['robin.quill@quillworks.example', 'recipient'],
    ]);
  });
});

describe('findGmail', () => {
  it('does nothing on a page without Gmail hooks, even with email attributes', () => {
    const doc = page(`<div>${person('ada@example.com', 'Ada Lovelace')}</div>`);
    expect(findGmail(doc)).toEqual([]);
    expect(openMessageSender(doc)).toBeUndefined();
  });

  it.each([
    ['to A, B', 'to A, B', ['recipient', 'recipient']],
    ['to A cc: B', 'to A cc: B', ['recipient', 'cc']],
    ['to A bcc: B', 'to A bcc: B', ['recipient', 'cc']],
    ['no label', 'A B', ['recipient', 'recipient']],
  ])('tells recipients from cc in the summary line: %s', (_why, line, roles) => {
    const [, a, b] = /^(.*?)A(.*?)B$/.exec(line)!;
    const summary =
      `<div class="iw ajw"><span class="hb">${a}${person('a@x.example', 'Ann Able', '', 'g2')}` +
      `${b}${person('b@x.example', 'Bea Best', '', 'g2')}</span></div>`;
    const found = findGmail(page(message(person('s@x.example', 'Sam Sender') + summary)));
    expect(found.slice(1).map((finding) => finding.role)).toEqual(roles);
  });

  it('tells a cc from the details table, where the label sits in its own cell', () => {
    const details =
      '<table><tr><td class="gG"><span class="gI">to:</span></td>' +
      `<td class="gL">${person('a@x.example', 'Ann Able', '', 'g2')}</td></tr>` +
      '<tr><td class="gG"><span class="gI">cc:</span></td>' +
      `<td class="gL">${person('b@x.example', 'Bea Best', '', 'g2')}</td></tr></table>`;
    const found = findGmail(page(message(person('s@x.example', 'Sam Sender') + details)));
    expect(found.map((finding) => [finding.email, finding.role])).toEqual([
      ['s@x.example', 'sender'],
      ['a@x.example', 'recipient'],
      ['b@x.example', 'cc'],
    ]);
  });

  it.each([
    [
      'name attribute',
      '<span class="gD" email="Ada@Example.com" name="Ada Lovelace">Ada</span>',
      'Ada Lovelace',
    ],
    [
      'text when no name attribute',
      '<span class="gD" email="ada@example.com">Ada Lovelace</span>',
      'Ada Lovelace',
    ],
    ['no name for "me"', '<span class="gD" email="ada@example.com" name="me">me</span>', undefined],
    [
      'no name that is the address',
      '<span class="gD" email="ada@example.com">ada@example.com</span>',
      undefined,
    ],
  ])('names the sender from the %s', (_why, span, name) => {
    const [sender] = findGmail(page(message(span)));
    expect(sender).toMatchObject({ email: 'ada@example.com', role: 'sender', confidence: 0.95 });
    expect(sender?.name).toBe(name);
  });

  it('skips an email attribute that is not an address', () => {
    const doc = page(
      message('<span class="gD" email="not an address" name="Nobody">Nobody</span>'),
    );
    expect(findGmail(doc)).toEqual([]);
    expect(openMessageSender(doc)).toBeUndefined();
  });

  it('reads quoted history once per person, naming them from the attribution', () => {
    const body =
      '<p>Sounds good.</p><div class="gmail_quote"><div class="gmail_attr">' +
      'On Mon, Mar 3, 2025 at 10:00 AM Dana Fictional &lt;<a href="mailto:dana@x.example">dana@x.example</a>&gt; wrote:</div>' +
      '<blockquote class="gmail_quote">Ask <a href="mailto:eve@x.example?subject=hi">Eve</a> or ' +
      `${person('fay@x.example', 'Fay Farr', '', 'g2')}. Dana (dana@x.example)` +
      '<blockquote>older: gus@x.example</blockquote></blockquote></div>';
    const quoted = findGmail(page(message(person('s@x.example', 'Sam Sender'), body))).filter(
      (finding) => finding.role === 'quoted',
    );
    expect(quoted).toEqual([
      {
        email: 'dana@x.example',
        name: 'Dana Fictional',
        source: 'gmail',
        confidence: 0.4,
        role: 'quoted',
      },
      { email: 'gus@x.example', source: 'gmail', confidence: 0.4, role: 'quoted' },
      {
        email: 'fay@x.example',
        name: 'Fay Farr',
        source: 'gmail',
        confidence: 0.4,
        role: 'quoted',
      },
      { email: 'eve@x.example', source: 'gmail', confidence: 0.4, role: 'quoted' },
    ]);
  });

  it('does not take a sender or recipient inside quoted history for this message', () => {
    const body = `<blockquote>${person('old@x.example', 'Old Sender')}</blockquote>`;
    const found = findGmail(page(message(person('s@x.example', 'Sam Sender'), body)));
    expect(found.map((finding) => [finding.email, finding.role])).toEqual([
      ['s@x.example', 'sender'],
      ['old@x.example', 'quoted'],
    ]);
  });

  it('reads a message passed as the root itself (a mutation slice)', () => {
    const doc = page(message(person('s@x.example', 'Sam Sender')));
    const slice = doc.querySelector('div.adn')!;
    expect(findGmail(slice).map((finding) => finding.role)).toEqual(['sender']);
    expect(openMessageSender(slice)).toEqual({ email: 's@x.example', name: 'Sam Sender' });
  });

  it('reads inbox rows alone, with no role', () => {
    const doc = page(
      `<table><tr class="zA"><td><div class="yW">${person('q@x.example', 'Quinn Q', '', 'zF')}</div></td></tr></table>`,
    );
    expect(findGmail(doc)).toEqual([
      { email: 'q@x.example', name: 'Quinn Q', source: 'gmail', confidence: 0.7 },
    ]);
  });

  it('names the sender of the last expanded message', () => {
    const doc = page(
      message(person('first@x.example', 'First Person')) +
        message(person('last@x.example', 'Last Person')),
    );
    expect(openMessageSender(doc)).toEqual({ email: 'last@x.example', name: 'Last Person' });
  });
});
