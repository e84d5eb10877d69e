/**
 * Builds a deterministic page of about `elements` elements, shaped like the pages
 * Clientele reads: prose, team cards with mailto/tel links, addresses and phones
 * in text, numbers that are not phones, hidden blocks, JSON-LD, editable regions.
 */
export function generatePage(document: Document, elements: number, seed = 1): void {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const words =
    'advisory retainer quarterly review growth strategy client proposal meeting budget design audit'.split(
      ' ',
    );
  const prose = (n: number) =>
    Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
  const body = document.body;
  body.replaceChildren();
  let count = 0;
  const add = (parent: Element, tag: string, text?: string, attrs: Record<string, string> = {}) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    parent.append(element);
    count++;
    return element;
  };
  let person = 0;
  while (count < elements) {
    const section = add(body, 'section');
    add(section, 'h2', `Team ${prose(2)}`);
    for (let i = 0; i < 6 && count < elements; i++) {
      person++;
      const card = add(section, 'div', undefined, { class: 'card' });
      add(card, 'h3', `Person ${person}`);
      const kind = person % 8;
      if (kind === 0)
        add(card, 'a', `Person ${person}`, {
          href: `mailto:person${person}@firm${person % 50}.example`,
        });
      if (kind === 1)
        add(card, 'p', `Write to person${person}@firm${person % 50}.example any time.`);
      if (kind === 2)
        add(card, 'a', `+1 212 555 ${String(1000 + (person % 9000)).padStart(4, '0')}`, {
          href: `tel:+1212555${String(1000 + (person % 9000)).padStart(4, '0')}`,
        });
      if (kind === 3)
        add(
          card,
          'p',
          `Call (212) 555-${String(1000 + (person % 9000)).padStart(4, '0')} ext. 12 or visit us.`,
        );
      if (kind === 4)
        add(
          card,
          'p',
          `Invoice #${100000 + person} of 2026-11-${String(1 + (person % 28)).padStart(2, '0')}: $1,${person % 900}.50, v2.${person % 9}.1`,
        );
      if (kind === 5) add(card, 'div', `hidden${person}@firm.example`, { hidden: '' });
      if (kind === 6)
        add(card, 'div', `Draft to editor${person}@firm.example`, { contenteditable: 'true' });
      if (kind === 7) add(card, 'p', prose(24));
      // Most of a real page is prose: about 120 characters an element, as measured
      // on a 60,000-element page of 7 M characters (techniques.md); paragraphs of 41
      // words give 6.9 M characters at 60,000 elements.
      const about = add(card, 'div');
      for (let j = 0; j < 3; j++) add(about, 'p', prose(41));
      const list = add(card, 'ul');
      for (let j = 0; j < 4; j++) add(list, 'li', prose(12));
    }
    // Every page has JSON-LD (budgets.md), the smallest too: in its first section,
    // then about every 3,000 elements.
    if (count < 100 || count % 3000 < 60) {
      add(
        section,
        'script',
        JSON.stringify({
          '@context': 'https://schema.org',
          '@type': 'Person',
          name: `Listed ${person}`,
          email: `listed${person}@firm.example`,
          telephone: '+44 20 7946 0958',
        }),
        { type: 'application/ld+json' },
      );
    }
  }
}
