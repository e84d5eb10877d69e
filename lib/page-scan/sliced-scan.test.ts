import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { collectFindings } from '../detect';
import { findLinks } from '../detect/links';
import type { ElementReader, Finding } from '../detect/types';
import type { Deadline, Schedule } from './idle';
import { scanInSlices } from './sliced-scan';

/** The nodes `html` parses to, made in the test document (the lint rule bans innerHTML). */
function parse(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return [...parsed.body.childNodes].map((node) => document.importNode(node, true));
}

function setBody(html: string): void {
  document.body.replaceChildren(...parse(html));
}

const context = { url: 'https://acme.example/people' };

/** A synchronous schedule that runs work at once with a fixed idle budget, counting its calls. */
function countingSchedule(remaining: number): { schedule: Schedule; calls: () => number } {
  let calls = 0;
  const deadline: Deadline = { timeRemaining: () => remaining };
  return {
    schedule: (work) => {
      calls++;
      work(deadline);
    },
    calls: () => calls,
  };
}

/** A page of `count` people: addresses in text, some phones, some mailto links, some noise. */
function generatePage(count: number): string {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const digits = String(1000 + (i % 9000)).padStart(4, '0');
    if (i % 10 === 0) {
      rows.push(
        `<li><a href="mailto:person${i}@example.com" title="Person ${i}">Person ${i}</a></li>`,
      );
    } else if (i % 7 === 0) {
      rows.push(`<li><span>Call</span> <span>(212) 555-${digits}</span></li>`);
    } else if (i % 5 === 0) {
      rows.push(
        `<li><p>nothing to see here, item ${i}</p><script type="text/x-template">js${i}@x.com</script></li>`,
      );
    } else {
      rows.push(`<li><span>Reach</span> <b>person${i}@example.com</b></li>`);
    }
  }
  return `<ul>${rows.join('')}</ul>`;
}

describe('scanInSlices on a large page', () => {
  // Built once: a few thousand elements take a while to parse in happy-dom. No test changes it.
  beforeAll(() => {
    setBody(generatePage(3000));
  });
  afterAll(() => {
    document.body.replaceChildren();
  });

  it('needs more than one slice on a large page when each idle period is short', async () => {
    const expected = collectFindings(document, context);
    const { schedule, calls } = countingSchedule(1);

    const findings = await scanInSlices(document, context, schedule);

    // One slice for the element detectors, then the text walk 128 nodes at a time.
    expect(calls()).toBeGreaterThan(10);
    expect(findings).toEqual(expected);
  });

  it('finds exactly what a one-shot collectFindings finds', async () => {
    const { schedule } = countingSchedule(1);
    const findings = await scanInSlices(document, context, schedule);

    const emails = new Set(findings.map((finding) => finding.email).filter(Boolean));
    // Every person with an address (mailto or text), none from the script.
    const expected = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      if (i % 10 === 0 || (i % 7 !== 0 && i % 5 !== 0)) expected.add(`person${i}@example.com`);
    }
    expect(emails).toEqual(expected);
    expect(findings.some((finding) => finding.source === 'mailto')).toBe(true);
    expect(findings.some((finding) => finding.source === 'text-phone')).toBe(true);
    expect(emails.has('js5@x.com')).toBe(false);
  });

  it('uses fewer slices when idle periods are generous, with the same findings', async () => {
    const short = countingSchedule(1);
    const long = countingSchedule(50);
    const sliced = await scanInSlices(document, context, short.schedule);
    const whole = await scanInSlices(document, context, long.schedule);

    expect(whole).toEqual(sliced);
    expect(long.calls()).toBeLessThan(short.calls());
  });

  it('reads nothing until the schedule runs the work', async () => {
    const queue: ((deadline: Deadline) => void)[] = [];
    let settled = false;
    const scan = scanInSlices(document, context, (work) => queue.push(work)).then((found) => {
      settled = true;
      return found;
    });
    await Promise.resolve();
    expect(queue).toHaveLength(1);
    expect(settled).toBe(false);

    let slices = 0;
    while (queue.length > 0) {
      slices++;
      queue.shift()!({ timeRemaining: () => 0 });
    }
    expect(slices).toBeGreaterThan(2);
    expect(await scan).toEqual(collectFindings(document, context));
  });
});

describe('scanInSlices on a small page', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('scans a subtree only', async () => {
    setBody('<div id="in"><p>ada@example.com</p></div><div><p>grace@example.com</p></div>');
    const { schedule } = countingSchedule(1);
    const findings = await scanInSlices(document.getElementById('in')!, context, schedule);
    expect(findings.map((finding) => finding.email)).toEqual(['ada@example.com']);
  });

  it('resolves with no findings for an empty page', async () => {
    document.body.replaceChildren();
    const { schedule } = countingSchedule(1);
    expect(await scanInSlices(document, context, schedule)).toEqual([]);
  });

  it('reads a small page in one slice, the text walk in the slice the element readers end in', async () => {
    // A clock that stands still: whether there is time is the idle deadline's word alone.
    vi.spyOn(performance, 'now').mockReturnValue(1000);
    setBody(
      '<p>ada@example.com</p><a href="mailto:grace@example.com">Grace</a><p>+1 212 555 0100</p>',
    );
    const { schedule, calls } = countingSchedule(50);
    const findings = await scanInSlices(document, context, schedule);
    expect(calls()).toBe(1);
    expect(findings).toEqual(collectFindings(document, context));
    vi.restoreAllMocks();
  });
});

/** A clock that moves 1 ms each time it is read: a slice of a 12 ms limit asks it about 12 times. */
function tickingClock(): () => number {
  let now = 0;
  const spy = vi.spyOn(performance, 'now').mockImplementation(() => now++);
  return () => spy.mock.calls.length;
}

describe('scanInSlices cuts the element readers into slices', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('yields between the steps of one reader, never more steps in a slice than the clock allows', async () => {
    tickingClock();
    let slice = 0;
    const stepsInSlice: number[] = [];
    // A reader of 100 steps (as findLinks pauses every 64 links): each step notes its slice.
    const long: ElementReader = function* () {
      for (let i = 0; i < 100; i++) {
        stepsInSlice[slice] = (stepsInSlice[slice] ?? 0) + 1;
        yield;
      }
      return [{ source: 'mailto', confidence: 1, email: 'long@example.com' } satisfies Finding];
    };
    const schedule = (work: (deadline: { timeRemaining(): number }) => void) => {
      slice++;
      work({ timeRemaining: () => 50 });
    };
    setBody('<p>ada@example.com</p>');

    const findings = await scanInSlices(document, context, schedule, [long]);

    expect(findings.map((finding) => finding.email)).toEqual([
      'long@example.com',
      'ada@example.com',
    ]);
    const counts = stepsInSlice.filter((n) => n !== undefined);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(100);
    // The slice limit is 12 ms and each check of the clock moves it 1 ms.
    expect(Math.max(...counts)).toBeLessThanOrEqual(12);
    expect(counts.length).toBeGreaterThanOrEqual(9);
  });

  it('reads a page of 2,000 links over many slices, finding what one read finds', async () => {
    tickingClock();
    const links = Array.from(
      { length: 2000 },
      (_, i) => `<a href="mailto:p${i}@example.com">P ${i}</a>`,
    ).join(' ');
    setBody(`<div>${links}</div>`);
    const { schedule, calls } = countingSchedule(50);

    const findings = await scanInSlices(document, context, schedule);

    expect(findings).toEqual(collectFindings(document, context));
    expect(findLinks(document)).toHaveLength(2000);
    // The link reader alone pauses 2000 / 64 times; a slice allows about 12 steps.
    expect(calls()).toBeGreaterThan(2000 / 64 / 12);
  });
});
