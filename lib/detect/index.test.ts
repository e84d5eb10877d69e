import { afterEach, describe, expect, it } from 'vitest';
import { detectContacts } from './index';

function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

const context = { url: 'https://acme.example/team' };

describe('detectContacts', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('merges a mailto link and the same address in text into one named contact', () => {
    const contacts = detectContacts(
      page(
        '<p>Our lead: <a href="mailto:Ada@Example.com" title="Ada Lovelace">Ada Lovelace</a></p>' +
          '<footer>Questions? ada@example.com.</footer>',
      ),
      context,
    );
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      name: 'Ada Lovelace',
      emails: ['ada@example.com'],
      phones: [],
      sources: ['mailto', 'text-email'],
    });
    expect(contacts[0]?.confidence).toBeCloseTo(0.96, 10);
  });

  it('merges a link whose text is its own address, naming it from the title', () => {
    const contacts = detectContacts(
      page('<a href="mailto:grace@navy.example" title="Grace Hopper">grace@navy.example</a>'),
      context,
    );
    expect(contacts).toEqual([
      {
        name: 'Grace Hopper',
        emails: ['grace@navy.example'],
        phones: [],
        sources: ['mailto', 'text-email'],
        confidence: expect.closeTo(0.96, 10) as number,
      },
    ]);
  });

  it('reports each address once however often it appears, and skips what the user types', () => {
    const contacts = detectContacts(
      page(
        '<p>sales@acme.example</p><p>SALES@acme.example</p>' +
          '<a href="mailto:sales@acme.example">Email us</a>' +
          '<p>grace@navy.example</p>' +
          '<div contenteditable="true">draft@example.com</div>' +
          '<textarea>typed@example.com</textarea>',
      ),
      context,
    );
    expect(contacts.map((c) => [c.emails[0], c.sources, c.name])).toEqual([
      ['sales@acme.example', ['mailto', 'text-email'], undefined],
      ['grace@navy.example', ['text-email'], undefined],
    ]);
  });

  it('works on the live document', () => {
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Write to live@example.com';
    document.body.append(paragraph);
    expect(detectContacts(document, context).map((c) => c.emails)).toEqual([['live@example.com']]);
  });
});
