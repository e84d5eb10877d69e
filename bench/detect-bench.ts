// Runs inside headless Chromium: the page-side half of the detection benchmark.
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { detectContacts, ELEMENT_READERS, TEXT_DETECTORS } from '../lib/detect';
import { readToEnd } from '../lib/detect/element-pass';
import { runTextDetectors } from '../lib/detect/text-pass';
import { forgetRecentPhones, normalizePhone } from '../lib/domain/phone';
import { whenIdle, type Schedule } from '../lib/page-scan/idle';
import { scanInSlices } from '../lib/page-scan/sliced-scan';
import { generatePage } from './generate-page';
import { measureQuality, type Expected } from '../tests/support/detect-quality';
import { measureEmailCapture } from './email-bench';

/** The floor: a bare TreeWalker pass reading every text node's data. */
function treeWalkerPass(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    length += (node as Text).data.length;
  return length;
}

/** Median of `runs` timings of `work`, in milliseconds (for the slow peer only). */
function time(work: () => unknown, runs = 7): number {
  const samples: number[] = [];
  work(); // warm up: JIT and caches, as on a second page of the same site
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** How the ratios are obtained; printed with the results. */
export const METHOD = {
  /** Each sample repeats its task until it lasts at least this long. */
  minSampleMs: 25,
  /** Each task runs for at least this long before it is measured. */
  warmUpMs: 250,
  warmUpSamples: 3,
  rounds: 21,
};

/**
 * Per-run time of each task, and each task's ratio to the first one (the floor).
 *
 * A page of 1,500 elements is read in well under a millisecond, close to the timer's
 * resolution (Chromium coarsens `performance.now()` to 0.1 ms on pages that are not
 * cross-origin isolated), so a sample repeats its task enough times to last at least
 * `minSampleMs`, and reports the time per run. Every task is warmed up first (JIT,
 * compiled patterns, caches), as on a second page of the same site. Then the tasks are sampled in rounds, one sample of each per round, in an
 * order that rotates, so that a noisy neighbour or a garbage collection slows the
 * floor and the detection alike: a ratio is taken within each round, and the
 * median over the rounds is reported, with its spread (first and third quartile).
 */
export function measureInterleaved(tasks: Record<string, () => unknown>) {
  const names = Object.keys(tasks);
  const repeats: Record<string, number> = {};
  const sample = (name: string): number => {
    const work = tasks[name]!;
    const count = repeats[name]!;
    const start = performance.now();
    for (let i = 0; i < count; i++) work();
    return (performance.now() - start) / count;
  };
  for (const name of names) {
    // Warm up first (the first runs compile code and patterns), then calibrate: double
    // the repeats until one sample lasts long enough.
    repeats[name] = 1;
    const warmUntil = performance.now() + METHOD.warmUpMs;
    for (let runs = 0; runs < 5 || performance.now() < warmUntil; runs++) sample(name);
    while (sample(name) * repeats[name] < METHOD.minSampleMs) repeats[name] *= 2;
    for (let i = 0; i < METHOD.warmUpSamples; i++) sample(name);
  }
  const perRun: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const ratios: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < METHOD.rounds; round++) {
    const taken: Record<string, number> = {};
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!;
      taken[name] = sample(name);
      perRun[name]!.push(taken[name]);
    }
    for (const name of names) ratios[name]!.push(taken[name]! / taken[names[0]!]!);
  }
  const quartile = (values: number[], q: number) =>
    [...values].sort((a, b) => a - b)[Math.round((values.length - 1) * q)]!;
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        ms: median(perRun[name]!),
        ratio: median(ratios[name]!),
        ratioQ1: quartile(ratios[name]!, 0.25),
        ratioQ3: quartile(ratios[name]!, 0.75),
        repeats: repeats[name]!,
      },
    ]),
  );
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

/**
 * The sliced scan as the content script runs it, each slice timed directly from its
 * start to its end (a `longtask` entry exists only above 50 ms, so its absence says
 * nothing about a 40 ms slice).
 */
async function slicesOfScan(url: string): Promise<{ slices: number; longestMs: number }> {
  let slices = 0;
  let longestMs = 0;
  const timed: Schedule = (work) =>
    whenIdle((deadline) => {
      const start = performance.now();
      work(deadline);
      longestMs = Math.max(longestMs, performance.now() - start);
      slices++;
    });
  await scanInSlices(document, { url }, timed);
  return { slices, longestMs };
}

/**
 * Detection on this page (generated with `elements` when given), read as if served
 * from `url` (the webmail fixtures: their webmail's address, where their detectors run).
 */
export async function measure(elements?: number, url = location.href) {
  if (elements !== undefined) generatePage(document, elements);
  // The first scan, cold: a fresh page, nothing compiled or cached yet, as a user's
  // first visit meets it. Everything after this is warm.
  const coldStart = performance.now();
  const contacts = detectContacts(document, { url });
  const firstScanColdMs = performance.now() - coldStart;
  const candidates = contacts.flatMap((contact) => contact.phones);
  const timings = measureInterleaved({
    floor: () => treeWalkerPass(document.body),
    detect: () => detectContacts(document, { url }),
    withPhones: () => {
      // As the background meets a page: every phone read afresh, none remembered from the last round.
      forgetRecentPhones();
      for (const contact of detectContacts(document, { url })) {
        for (const phone of contact.phones) normalizePhone(phone, 'US');
      }
    },
  });
  const text = document.body.textContent ?? '';
  const libphonenumber = time(() => findPhoneNumbersInText(text, 'US'), 3);
  const longestTask = await longestTaskDuring(() => scanInSlices(document, { url }));
  const sliced = await slicesOfScan(url);
  return {
    elements: document.getElementsByTagName('*').length,
    characters: text.length,
    contacts: contacts.length,
    phoneCandidates: candidates.length,
    validPhones: candidates.filter((phone) => normalizePhone(phone, 'US') !== null).length,
    firstScanColdMs,
    floorMs: timings.floor!.ms,
    detectMs: timings.detect!.ms,
    detectRatio: timings.detect!.ratio,
    detectRatioSpread: [timings.detect!.ratioQ1, timings.detect!.ratioQ3],
    withPhonesMs: timings.withPhones!.ms,
    withPhonesRatio: timings.withPhones!.ratio,
    withPhonesRatioSpread: [timings.withPhones!.ratioQ1, timings.withPhones!.ratioQ3],
    repeatsPerSample: Object.fromEntries(
      Object.entries(timings).map(([name, timing]) => [name, timing.repeats]),
    ),
    method: METHOD,
    libphonenumberMs: libphonenumber,
    speedupOverLibphonenumber: libphonenumber / timings.withPhones!.ms,
    longestTaskMs: longestTask,
    slices: sliced.slices,
    longestSliceMs: sliced.longestMs,
  };
}

/**
 * Precision and recall on the current page, after the background's phone validation
 * with `region`: the region setting of the user reading the page (numbers written
 * nationally are read in it).
 */
export function quality(expected: Expected, url = location.href, region = 'US') {
  const detected = detectContacts(document, { url }).map((contact) => ({
    ...contact,
    phones: contact.phones.filter((phone) => normalizePhone(phone, region) !== null),
  }));
  return measureQuality(detected, expected);
}

/**
 * The tasks `measure` times, one call each, for bench/detect-cpu.mjs: it reads the
 * renderer's main-thread CPU time around each call (CDP), which a loaded machine does
 * not inflate as it does the wall clock.
 */
/** A small page apart from the document (see `cpu.prepare`). */
let smallPage: Document | undefined;

const CPU_TASKS: Record<string, (url: string) => unknown> = {
  floor: () => treeWalkerPass(document.body),
  detect: (url) => detectContacts(document, { url }),
  // The first scan of a small page: what compiling the scan's code and patterns costs
  // on its own, apart from the page's size.
  detectSmall: (url) => detectContacts(smallPage!, { url }),
  // The scan's two halves: the element readers (selector queries, links, structured
  // data) and the walk over the text with its detectors.
  elements: (url) => ELEMENT_READERS.map((read) => readToEnd(read(document, { url }))),
  text: () => runTextDetectors(document, TEXT_DETECTORS),
  withPhones: (url) => {
    forgetRecentPhones();
    for (const contact of detectContacts(document, { url })) {
      for (const phone of contact.phones) normalizePhone(phone, 'US');
    }
  },
};

export const cpu = {
  prepare: (elements: number) => {
    generatePage(document, elements);
    smallPage = document.implementation.createHTMLDocument('');
    generatePage(smallPage, 300);
    return document.getElementsByTagName('*').length;
  },
  /** Runs `task` `count` times; answers the wall milliseconds it took. */
  run: (task: string, count: number, url = location.href) => {
    const work = CPU_TASKS[task]!;
    const start = performance.now();
    for (let i = 0; i < count; i++) work(url);
    return performance.now() - start;
  },
  /** The sliced scan as the content script runs it, each slice timed directly. */
  slices: (url = location.href) => slicesOfScan(url),
};

declare global {
  interface Window {
    clienteleBench: {
      measure: typeof measure;
      quality: typeof quality;
      emailCapture: typeof measureEmailCapture;
      cpu: typeof cpu;
    };
  }
}
window.clienteleBench = { measure, quality, emailCapture: measureEmailCapture, cpu };
