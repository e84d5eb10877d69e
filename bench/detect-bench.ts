// Runs inside headless Chromium: the page-side half of the detection benchmark.
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { detectContacts } from '../lib/detect';
import { normalizePhone } from '../lib/domain/phone';
import { scanInSlices } from '../lib/page-scan/sliced-scan';
import { generatePage } from './generate-page';
import { measureQuality, type Expected } from '../lib/detect/quality';

/** The floor: a bare TreeWalker pass reading every text node's data. */
function treeWalkerPass(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    length += (node as Text).data.length;
  return length;
}

/** Median of `runs` timings of `work`, in milliseconds. */
function time(work: () => unknown, runs = 7): number {
  const samples: number[] = [];
  work(); // warm up: JIT and caches, as on a second page of the same site
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

async function longestTaskDuring(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  await work();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return longest;
}

export async function measure(elements?: number) {
  if (elements !== undefined) generatePage(document, elements);
  const url = location.href;
  const floor = time(() => treeWalkerPass(document.body));
  const detect = time(() => detectContacts(document, { url }));
  const contacts = detectContacts(document, { url });
  const candidates = contacts.flatMap((contact) => contact.phones);
  const withPhones = time(() => {
    for (const contact of detectContacts(document, { url })) {
      for (const phone of contact.phones) normalizePhone(phone, 'US');
    }
  });
  const text = document.body.textContent ?? '';
  const libphonenumber = time(() => findPhoneNumbersInText(text, 'US'), 3);
  const longestTask = await longestTaskDuring(() => scanInSlices(document, { url }));
  return {
    elements: document.getElementsByTagName('*').length,
    characters: text.length,
    contacts: contacts.length,
    phoneCandidates: candidates.length,
    validPhones: candidates.filter((phone) => normalizePhone(phone, 'US') !== null).length,
    floorMs: floor,
    detectMs: detect,
    detectRatio: detect / floor,
    withPhonesMs: withPhones,
    withPhonesRatio: withPhones / floor,
    libphonenumberMs: libphonenumber,
    speedupOverLibphonenumber: libphonenumber / withPhones,
    longestTaskMs: longestTask,
  };
}

/** Precision and recall on the current page, after the background's phone validation. */
export function quality(expected: Expected) {
  const detected = detectContacts(document, { url: location.href }).map((contact) => ({
    ...contact,
    phones: contact.phones.filter((phone) => normalizePhone(phone, 'US') !== null),
  }));
  return measureQuality(detected, expected);
}

declare global {
  interface Window {
    clienteleBench: { measure: typeof measure; quality: typeof quality };
  }
}
window.clienteleBench = { measure, quality };
