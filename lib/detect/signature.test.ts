import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSignatures } from './signature';

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

/** A Gmail body whose lines are separated by `<br>`. */
const gmailBody = (...lines: string[]) => page(`<div class="a3s aiL">${lines.join('<br>')}</div>`);
const only = (root: ParentNode) => {
  const found = findSignatures(root);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('findSignatures on the fixture pages', () => {
  it('reads the Gmail signature after "Best regards," and takes the sender address', () => {
    expect(findSignatures(fixture('gmail.html'))).toEqual([
      {
        source: 'signature',
        confidence: 0.6,
        role: 'signature',
        name: 'Marigold Testwell',
        email: 'marigold.testwell@harbourlight.example',
        title: 'Creative Director',
        organization: 'Harbourlight Studio Ltd',
        website: 'www.harbourlight.example',
        phones: ['+44 20 7946 0958', '+44 7700 900123'],
      },
    ]);
  });

  it('skips the signature in the quoted history', () => {
    const found = findSignatures(fixture('gmail.html'));
    expect(found.flatMap((finding) => finding.phones)).not.toContain('+44 161 496 0123');
    expect(found.map((finding) => finding.name)).not.toContain('Bartholomew Fakename');
  });

  it('reads a div.gmail_signature in the next message', () => {
    const doc = fixture('gmail.html');
    const next = doc.getElementById('next-message') as HTMLTemplateElement;
    doc.querySelector('div.adn')!.replaceWith(next.content.cloneNode(true));
    expect(findSignatures(doc)).toEqual([
      {
        source: 'signature',
        confidence: 0.6,
        role: 'signature',
        name: 'Wendell Notreal',
        email: 'wendell.notreal@quayside.example',
        title: 'Founder',
        organization: 'Quayside Partners LLP',
        website: 'https://quayside.example/team',
        phones: ['+1 202 555 0142'],
      },
    ]);
  });

  it('reads the Outlook signature and stops at the reply history', () => {
    expect(findSignatures(fixture('outlook.html'))).toEqual([
      {
        source: 'signature',
        confidence: 0.6,
        role: 'signature',
        name: 'Ravenna Makebelieve',
        email: 'ravenna.makebelieve@brightwater-legal.example',
        title: 'Senior Associate',
        organization: 'Brightwater Legal LLP',
        website: 'https://brightwater-legal.example',
        phones: ['+1 (415) 555-0134', '+1 415 555 0178'],
      },
    ]);
  });
});

describe('findSignatures', () => {
  it.each([
    'Best,',
    'Best regards,',
    'best regards',
    'Kind Regards,',
    'Warm regards',
    'Regards,',
    'Many thanks,',
    'Thanks,',
    'Thanks!',
    'Thank you,',
    'Cheers,',
    'Sincerely,',
    'Yours sincerely,',
    'All the best,',
    '--',
    '-- ',
    'Mit freundlichen Grüßen',
    'Mit freundlichen Gruessen,',
    'Viele Grüße',
    'Cordialement,',
    'Bien cordialement',
    'Saludos,',
    'Un saludo,',
    'Atentamente,',
    'Cordiali saluti',
    'Met vriendelijke groet,',
  ])('reads the signature after %j', (signOff) => {
    expect(
      only(gmailBody('Hi,', 'See attached.', signOff, 'Ada Lovelace', 'T: +44 20 7946 0001')),
    ).toMatchObject({ name: 'Ada Lovelace', phones: ['+44 20 7946 0001'] });
  });

  it.each([
    ['no sign-off', ['Hi,', 'Ada Lovelace', 'T: +44 20 7946 0001']],
    [
      'a sign-off inside a sentence',
      ['Thanks, that works.', 'Ada Lovelace', 'T: +44 20 7946 0001'],
    ],
  ])('reads a name line closing the message with a phone under it, with %s', (_why, lines) => {
    expect(only(gmailBody(...lines))).toMatchObject({ name: 'Ada Lovelace' });
  });

  it.each([
    ['no name line', ['Hi,', 'Call me on +44 20 7946 0001 tomorrow about the plan we made.']],
    [
      'a name line followed by prose',
      [
        'Ada Lovelace',
        'Thanks for the call this morning, let us speak again on Monday about it.',
        'T: +44 20 7946 0001',
      ],
    ],
    [
      'neither an email nor a phone',
      ['Best,', 'Ada Lovelace', 'Director', 'Analytical Engines Ltd'],
    ],
  ])('finds nothing with %s', (_why, lines) => {
    expect(findSignatures(gmailBody(...lines))).toEqual([]);
  });

  it('uses the last sign-off, so a separator after "Thanks," wins', () => {
    const found = only(
      gmailBody('Thanks,', 'Ada', '--', 'Ada Lovelace', 'ada@engines.example', 'M: 07700 900001'),
    );
    expect(found).toMatchObject({ name: 'Ada Lovelace', email: 'ada@engines.example' });
  });

  it('takes the full name from the second line when the first is a first name', () => {
    const found = only(gmailBody('Best,', 'Ada', 'Ada Lovelace', 'ada@engines.example'));
    expect(found.name).toBe('Ada Lovelace');
  });

  it.each([
    [
      'a role word',
      ['Lead Designer', 'Ada Studio'],
      { title: 'Lead Designer', organization: 'Ada Studio' },
    ],
    [
      'position after the name',
      ['Senior Associate', 'Brightwater'],
      { title: 'Senior Associate', organization: 'Brightwater' },
    ],
    [
      'a company marker first',
      ['Analytical Engines GmbH', 'Principal'],
      { title: 'Principal', organization: 'Analytical Engines GmbH' },
    ],
    [
      '"Title, Company"',
      ['Managing Partner, Engines LLP'],
      { title: 'Managing Partner', organization: 'Engines LLP' },
    ],
    [
      '"Title at Company"',
      ['Founder at Engines Inc.'],
      { title: 'Founder', organization: 'Engines Inc.' },
    ],
    [
      '"Title | Company"',
      ['CEO | Engines Agency'],
      { title: 'CEO', organization: 'Engines Agency' },
    ],
    [
      'a company named like a role',
      ['Lead Generation Agency Ltd'],
      { title: undefined, organization: 'Lead Generation Agency Ltd' },
    ],
  ])('reads title and company by %s', (_why, lines, expected) => {
    const found = only(gmailBody('Regards,', 'Ada Lovelace', ...lines, 'ada@engines.example'));
    expect({ title: found.title, organization: found.organization }).toEqual(expected);
  });

  it.each([
    ['T: +44 20 7946 0001', ['+44 20 7946 0001']],
    ['Tel. 020 7946 0001', ['020 7946 0001']],
    ['Phone: (415) 555-0100', ['(415) 555-0100']],
    ['Mobile: 07700900001', ['07700900001']],
    ['+1 415 555 0100', ['+1 415 555 0100']],
    ['415.555.0100', ['415.555.0100']],
    ['T: +44 20 7946 0001 | M: +44 7700 900001', ['+44 20 7946 0001', '+44 7700 900001']],
    ['F: +44 20 7946 0002', []],
    ['Fax: +44 20 7946 0002', []],
    ['Company no. 01234567', []],
    ['12/03/2025', []],
    ['Suite 400, 12 Harbour Road', []],
  ])('reads phones in %j as written', (line, phones) => {
    const found = findSignatures(gmailBody('Best,', 'Ada Lovelace', line, 'ada@engines.example'));
    expect(found[0]?.phones ?? []).toEqual(phones);
  });

  it.each([
    ['www.engines.example', 'www.engines.example'],
    ['https://engines.example/ada.', 'https://engines.example/ada'],
    ['Web: http://engines.example', 'http://engines.example'],
  ])('reads the website in %j', (line, website) => {
    const found = only(gmailBody('Best,', 'Ada Lovelace', 'ada@engines.example', line));
    expect(found.website).toBe(website);
  });

  it('normalises the email and does not take it for a website', () => {
    const found = only(gmailBody('Best,', 'Ada Lovelace', 'E: Ada@Engines.EXAMPLE'));
    expect(found).toMatchObject({ email: 'ada@engines.example' });
    expect(found.website).toBeUndefined();
  });

  it.each([
    ['quoted history', ['On Mon, Ada wrote:', 'Ada Lovelace', 'T: +44 20 7946 0001']],
    ['a forwarded header', ['From: Grace Hopper <grace@navy.example>', 'T: +44 20 7946 0001']],
    ['a mobile footer', ['Sent from my phone', 'T: +44 20 7946 0001']],
  ])('stops reading at %s', (_why, after) => {
    const found = findSignatures(
      gmailBody('Best,', 'Ada Lovelace', 'ada@engines.example', ...after),
    );
    expect(found).toEqual([expect.objectContaining({ email: 'ada@engines.example' })]);
    expect(found[0]?.phones).toBeUndefined();
  });

  it('reads at most eight lines after the sign-off', () => {
    const filler = ['One Line', 'Two Line', 'Three', 'Four', 'Five', 'Six', 'Seven'];
    const found = findSignatures(
      gmailBody('Best,', 'Ada Lovelace', ...filler, 'T: +44 20 7946 0001'),
    );
    expect(found).toEqual([]);
  });

  it('skips signatures in blockquote and gmail_quote, and bodies inside them', () => {
    const doc = page(
      '<div class="a3s"><p>Fine.</p><blockquote>Best,<br>Ada Lovelace<br>T: +44 20 7946 0001</blockquote></div>' +
        '<div class="gmail_quote"><pre>Best,\nGrace Hopper\nT: +1 202 555 0100</pre></div>',
    );
    expect(findSignatures(doc)).toEqual([]);
  });

  it('reads a plain-text pre body, but not a code block', () => {
    const text = 'Thanks,\nAda Lovelace\nM: +44 7700 900001';
    expect(only(page(`<pre>${text}</pre>`))).toMatchObject({ name: 'Ada Lovelace' });
    expect(findSignatures(page(`<pre><code>${text}</code></pre>`))).toEqual([]);
  });

  it('reads an Outlook body labelled "Message body" or with role document', () => {
    const lines = 'Kind regards,<br>Ada Lovelace<br>ada@engines.example';
    expect(only(page(`<div aria-label="Message body">${lines}</div>`)).name).toBe('Ada Lovelace');
    expect(only(page(`<div role="document">${lines}</div>`)).name).toBe('Ada Lovelace');
  });

  it('reads a body once, even when a signature block sits inside it', () => {
    const doc = page(
      '<div class="a3s">Best,<br>Ada<div class="gmail_signature">Ada Lovelace<br>ada@engines.example</div></div>',
    );
    expect(findSignatures(doc)).toEqual([expect.objectContaining({ name: 'Ada Lovelace' })]);
  });

  it("takes the Gmail sender's address only when the names agree", () => {
    const gmail = (sender: string, name: string) =>
      page(
        `<div class="adn"><span class="gD" email="${sender}" name="${name}">${name}</span>` +
          '<div class="a3s">Best,<br>Ada Lovelace<br>M: +44 7700 900001</div></div>',
      );
    expect(only(gmail('ada@engines.example', 'Ada Lovelace')).email).toBe('ada@engines.example');
    expect(only(gmail('a.lovelace@engines.example', 'A L')).email).toBe(
      'a.lovelace@engines.example',
    );
    expect(only(gmail('grace@navy.example', 'Grace Hopper')).email).toBeUndefined();
  });

  it("takes the Outlook sender's address when the pane holds one message", () => {
    const outlook = page(
      '<div id="ReadingPaneContainerId"><div>From: <button title="Ada Lovelace &lt;ada@engines.example&gt;">Ada</button></div>' +
        '<div aria-label="Message body">Cheers,<br>Ada Lovelace<br>M: +44 7700 900001</div></div>',
    );
    expect(only(outlook).email).toBe('ada@engines.example');
  });
});
