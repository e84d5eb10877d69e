import { afterEach, describe, expect, it } from 'vitest';
import { ElementPass, readToEnd } from './element-pass';
import { ELEMENT_READERS, collectFindings } from './index';
import { readLinks } from './links';

const context = { url: 'https://acme.example/people' };

function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  document.body.replaceChildren(
    ...[...parsed.body.childNodes].map((node) => document.importNode(node, true)),
  );
}

describe('ElementPass', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('takes one step per call when there is never time, and ends with every finding', () => {
    const links = Array.from({ length: 300 }, (_, i) => `<a href="tel:+1212555${1000 + i}">x</a>`);
    setBody(links.join(''));
    const pass = new ElementPass(document, context, [readLinks]);
    let calls = 1;
    while (!pass.step(() => false)) calls++;
    // A pause after the query and every 64 links after it (0, 64, …, 256), then the end.
    expect(calls).toBe(6);
    expect(pass.findings).toEqual(readToEnd(readLinks(document)));
    expect(pass.findings).toHaveLength(300);
  });

  it('reads every reader in one call when there is always time', () => {
    setBody(
      '<a href="mailto:ada@example.com">Ada</a>' +
        '<div itemscope itemtype="https://schema.org/Person"><span itemprop="email">grace@example.com</span></div>' +
        '<div class="h-card"><span class="p-name">Lin</span> <a class="u-email" href="mailto:lin@example.com">Lin</a></div>',
    );
    const pass = new ElementPass(document, context, ELEMENT_READERS);
    expect(pass.step(() => true)).toBe(true);
    expect(pass.done).toBe(true);
    const oneShot = collectFindings(document, context).filter(
      (finding) => finding.source !== 'text-email' && finding.source !== 'name-address',
    );
    expect(pass.findings).toEqual(oneShot);
  });
});
