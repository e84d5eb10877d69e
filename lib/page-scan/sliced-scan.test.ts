import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectFindings } from '../detect';
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
    // The element detectors always get a slice of their own before the text walk.
    expect(long.calls()).toBeGreaterThanOrEqual(2);
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
    const { schedule, calls } = countingSchedule(1);
    expect(await scanInSlices(document, context, schedule)).toEqual([]);
    expect(calls()).toBe(2);
  });
});
