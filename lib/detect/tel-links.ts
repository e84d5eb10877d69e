import type { Finding } from './types';
import { plainName } from './plain-name';
import { safeDecode } from './safe-decode';

// Link text that asks to call rather than names anyone.
const THREE_DIGITS = /\d\D*\d\D*\d/;
const CALL_TO_ACTION =
  /^(call|phone|tel|telephone|mobile|cell|fax|ring|dial|whatsapp|contact|click|tap|here|book|talk|speak)\b/i;

/** Adds what one readable `tel:` or `callto:` link, whose `href` this is, says to `findings`. */
export function readTel(anchor: Element, href: string, findings: Finding[]): void {
  const phone = numberFrom(href);
  if (!phone) return;
  const name = nameFrom(anchor.textContent ?? '') ?? nameFrom((anchor as HTMLAnchorElement).title);
  findings.push({ phones: [phone], source: 'tel', confidence: 0.8, ...(name ? { name } : {}) });
}

function numberFrom(href: string): string | undefined {
  const body = href.replace(/^\s*(tel|callto):(\/\/)?/i, '');
  const number = safeDecode(body)
    .replace(/[?#].*$/, '')
    .replace(/;(?!ext=)[^;]*/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (number.length > 64 || !THREE_DIGITS.test(number)) return undefined;
  // A number is digits, separators and an extension; anything else is a username or junk.
  return /^[+(]?[\d\s().\-/\u2010-\u2013]+(;ext=\d+|\s*(ext\.?|x)\s*\d+)?$/i.test(number)
    ? number
    : undefined;
}

/** Link text is a name when it is short, has letters, no run of digits, and is not a call to action. */
function nameFrom(text: string): string | undefined {
  const name = plainName(text);
  return name && (/\d{2}/.test(name) || CALL_TO_ACTION.test(name)) ? undefined : name;
}
