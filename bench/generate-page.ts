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
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (below: number) => Math.floor(random() * below);
  const pad = (n: number) => String(n).padStart(2, '0');
  // Prose as real pages write it: dates, prices, order numbers, versions, times,
  // percentages, brackets, handles and spelled-out "at"/"dot", which every gate of
  // the text pass must look at and turn down (a 12-word vocabulary with none of
  // these was the text pass's best case).
  const words =
    'the a of to and for with on in our your we this that team project review meeting client proposal budget design audit update release report quarterly growth strategy service support office delivery schedule invoice account plan'.split(
      ' ',
    );
  const facts: (() => string)[] = [
    () => `order #${100000 + int(900000)} shipped on 2026-${pad(1 + int(12))}-${pad(1 + int(28))}`,
    () =>
      `at ${1 + int(12)}:${pad(int(60))} ${pick(['am', 'pm'])} (${pick(['CET', 'UTC', 'EST'])})`,
    () => `for $${1 + int(9)},${100 + int(900)}.${pad(int(100))} incl. VAT`,
    () => `€${int(5000)}.${pad(int(100))} per month`,
    () => `version ${int(10)}.${int(20)}.${int(30)} (build ${10000 + int(90000)})`,
    () => `on ${pad(1 + int(28))}/${pad(1 + int(12))}/20${20 + int(10)}`,
    () =>
      `up ${int(100)}.${int(10)}% to ${1 + int(99)},${100 + int(900)} [see table ${1 + int(9)}]`,
    () =>
      `at ${1 + int(400)} ${pick(['Market', 'High', 'Baker', 'Mill'])} Street, Suite ${100 + int(900)}`,
    () => `follow @${pick(words)}_${pick(words)} or ask ${pick(words)} at the ${pick(words)} desk`,
    () =>
      `see ${pick(words)}.${pick(['pdf', 'docx', 'html'])} dot ${int(3)} in section ${1 + int(9)}.${1 + int(9)}`,
    () =>
      `ticket ${pick(['INC', 'REQ'])}-${1000 + int(9000)} from ${2000 + int(27)}–${2000 + int(27)}`,
  ];
  /** About `n` words, a fact (a number of some kind) every eight words or so. */
  const prose = (n: number) => {
    const out: string[] = [];
    while (out.length < n) {
      if (random() < 0.12) out.push(...pick(facts)().split(' '));
      else out.push(pick(words));
    }
    return out.slice(0, n).join(' ');
  };
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
      // on a 60,000-element page of 7 M characters; paragraphs of 41 words give about
      // that (the bench prints the page's characters).
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
