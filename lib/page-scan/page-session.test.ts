import { afterEach, describe, expect, it } from 'vitest';
import type { Deadline } from './idle';
import { startPageSession, type PageReport } from './page-session';

/** The nodes `html` parses to, made in the test document (the lint rule bans innerHTML). */
function parse(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return [...parsed.body.childNodes].map((node) => document.importNode(node, true));
}

function setBody(html: string): void {
  document.body.replaceChildren(...parse(html));
}

type Work = (deadline: Deadline) => void;

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A session over the test document with everything it depends on faked: a schedule
 * that queues work until the test runs it, a location whose href the test sets, and
 * a report that records what it was sent and knows no one.
 */
function startSession(body: string, href = 'https://app.example/inbox/1') {
  setBody(body);
  const queue: Work[] = [];
  const location = { href };
  const reports: PageReport[] = [];
  const session = startPageSession({
    document,
    location,
    schedule: (work) => queue.push(work),
    report: (report) => {
      reports.push(structuredClone(report));
      return Promise.resolve([]);
    },
  });
  sessions.push(session);

  /** Runs `count` queued pieces of work (or all there are), each with `remaining` ms of idle time. */
  const run = (count = Infinity, remaining = 50) => {
    for (let i = 0; i < count && queue.length > 0; i++)
      queue.shift()!({ timeRemaining: () => remaining });
  };
  /** Lets observers and promises deliver, and runs whatever they queue, until nothing is left. */
  const settle = async () => {
    for (let round = 0; round < 50; round++) {
      await tick();
      if (queue.length === 0) return;
      run();
    }
    throw new Error('the session never settled');
  };
  return { session, queue, location, reports, run, settle };
}

const sessions: { stop(): void }[] = [];

const emailsOf = (report: PageReport | undefined) =>
  (report?.contacts ?? []).flatMap((contact) => contact.emails).sort();

const PAGE =
  '<header><a href="mailto:ada@example.com">Ada Lovelace</a></header>' +
  '<main id="main"><p id="grace">Write to grace@navy.example</p><p id="phone">Call (212) 555-0100</p></main>';

describe('startPageSession', () => {
  afterEach(() => {
    for (const session of sessions.splice(0)) session.stop();
    document.body.replaceChildren();
  });

  it('reports the page once its first scan is done, in idle slices', async () => {
    const { session, queue, reports, settle } = startSession(PAGE);
    await tick();
    expect(reports).toEqual([]); // nothing is read until the schedule runs
    expect(queue).toHaveLength(1);

    await settle();

    expect(reports).toHaveLength(1);
    expect(reports[0]?.url).toBe('https://app.example/inbox/1');
    expect(emailsOf(reports[0])).toEqual(['ada@example.com', 'grace@navy.example']);
    expect(reports[0]?.contacts.flatMap((contact) => contact.phones)).toEqual(['(212) 555-0100']);
    expect(reports[0]?.contacts.find((c) => c.emails.includes('ada@example.com'))?.name).toBe(
      'Ada Lovelace',
    );
    expect(await session.firstScan).toEqual(reports[0]);
  });

  it('reports a page with no contacts once, empty', async () => {
    const { reports, settle } = startSession('<p>Nothing here.</p>');
    await settle();
    expect(reports).toEqual([{ url: 'https://app.example/inbox/1', contacts: [] }]);
  });

  it('sends one report at a time, in order, so an earlier one can never be stored last', async () => {
    setBody(PAGE);
    const queue: Work[] = [];
    const sent: PageReport[] = [];
    const answers: (() => void)[] = [];
    const session = startPageSession({
      document,
      location: { href: 'https://app.example/inbox/1' },
      schedule: (work) => queue.push(work),
      // The background answers only when the test says so.
      report: (report) => {
        sent.push(structuredClone(report));
        return new Promise((resolve) => answers.push(() => resolve([])));
      },
    });
    sessions.push(session);
    const drain = async () => {
      for (let round = 0; round < 50; round++) {
        await tick();
        while (queue.length > 0) queue.shift()!({ timeRemaining: () => 50 });
      }
    };
    await drain();
    expect(sent).toHaveLength(1); // the first scan's report, not yet answered

    const card = document.createElement('p');
    card.textContent = 'New lead: linus@kernel.example';
    document.getElementById('main')!.append(card);
    await drain();
    expect(sent).toHaveLength(1); // the change waits for the first answer

    answers.shift()!();
    await drain();
    expect(sent).toHaveLength(2);
    expect(emailsOf(sent[1])).toContain('linus@kernel.example');
    answers.shift()!();
    await session.firstScan;
  });

  it('sends a report again after one that was not delivered', async () => {
    setBody(PAGE);
    const queue: Work[] = [];
    let calls = 0;
    const session = startPageSession({
      document,
      location: { href: 'https://app.example/inbox/1' },
      schedule: (work) => queue.push(work),
      report: () =>
        ++calls === 1 ? Promise.reject(new Error('no receiver')) : Promise.resolve([]),
    });
    sessions.push(session);
    const drain = async () => {
      for (let round = 0; round < 50; round++) {
        await tick();
        while (queue.length > 0) queue.shift()!({ timeRemaining: () => 50 });
      }
    };
    await drain();
    await session.firstScan;
    expect(calls).toBe(1);
    // Asked again with nothing changed on the page, it sends what it could not before.
    const again = session.rescan();
    await drain();
    await again;
    expect(calls).toBe(2);
  });

  it('reports again when an added element brings a new address, with the old ones', async () => {
    const { reports, settle } = startSession(PAGE);
    await settle();

    const card = document.createElement('div');
    card.append(...parse('<span>New lead:</span> <b>linus@kernel.example</b>'));
    document.getElementById('main')!.append(card);
    await settle();

    expect(reports).toHaveLength(2);
    expect(emailsOf(reports[1])).toEqual([
      'ada@example.com',
      'grace@navy.example',
      'linus@kernel.example',
    ]);
  });

  it('reads a large change (a whole view rendered anew) in idle slices, not at once', async () => {
    const { reports, settle, queue, run } = startSession(PAGE);
    await settle();

    // 4,000 elements: past what is read at once. Each slice may read only a little.
    const view = document.createElement('section');
    for (let i = 0; i < 2000; i++)
      view.append(...parse(`<p>Row ${i} <b>${i === 1999 ? 'last@rows.example' : 'row'}</b></p>`));
    document.getElementById('main')!.append(view);
    await tick();
    let slices = 0;
    for (let round = 0; round < 5000 && (queue.length > 0 || slices === 0); round++) {
      if (queue.length > 0) {
        run(1, 0.01); // hardly any idle time: the reader must stop and come back
        slices++;
      }
      await tick();
    }
    await settle();

    expect(slices).toBeGreaterThan(3);
    expect(reports).toHaveLength(2);
    expect(emailsOf(reports[1])).toContain('last@rows.example');
  });

  it('reads a small change at once, in one piece of work', async () => {
    const { reports, queue, run } = startSession(PAGE);
    run();
    await tick();
    await tick();
    document.getElementById('main')!.append(...parse('<p>Hi from small@change.example</p>'));
    await tick();
    expect(queue).toHaveLength(1);
    run(1, 0.01);
    for (let i = 0; i < 5; i++) await tick();
    expect(queue).toHaveLength(0);
    expect(emailsOf(reports.at(-1))).toContain('small@change.example');
  });

  it('reports again when edited text brings a new address', async () => {
    const { reports, settle } = startSession(PAGE);
    await settle();

    (document.getElementById('phone')!.firstChild as Text).data = 'Or write to ken@bell.example ';
    await settle();

    expect(reports).toHaveLength(2);
    expect(emailsOf(reports[1])).toContain('ken@bell.example');
  });

  it('reports again when an added tel: link brings a new phone', async () => {
    const { reports, settle } = startSession(PAGE);
    await settle();

    const link = document.createElement('a');
    link.href = 'tel:+44 20 7946 0018';
    link.textContent = 'London office';
    document.body.append(link);
    await settle();

    expect(reports).toHaveLength(2);
    expect(reports[1]?.contacts.flatMap((contact) => contact.phones)).toContain('+44 20 7946 0018');
  });

  const nothingNew: { name: string; change: () => void }[] = [
    {
      name: 'an element without contacts',
      change: () => document.getElementById('main')!.append(document.createElement('p')),
    },
    {
      name: 'text without contacts',
      change: () => document.getElementById('main')!.append('Just words, no one to reach.'),
    },
    {
      name: 'an element repeating a known address',
      change: () => {
        const p = document.createElement('p');
        p.textContent = 'Again: grace@navy.example';
        document.getElementById('main')!.append(p);
      },
    },
    {
      name: 'a repeated mailto link',
      change: () => {
        const link = document.createElement('a');
        link.href = 'mailto:ada@example.com';
        link.textContent = 'Ada Lovelace';
        document.body.append(link);
      },
    },
    {
      name: 'an edit that keeps the text’s address',
      change: () => {
        (document.getElementById('grace')!.firstChild as Text).data = 'Mail grace@navy.example';
      },
    },
    {
      name: 'an address typed into a form field',
      change: () => {
        const area = document.createElement('textarea');
        area.textContent = 'draft to someone@else.example';
        document.body.append(area);
      },
    },
    {
      name: 'a removal',
      change: () => document.getElementById('grace')!.remove(),
    },
  ];

  for (const { name, change } of nothingNew) {
    it(`sends no report for ${name}`, async () => {
      const { reports, queue, settle } = startSession(PAGE);
      await settle();
      expect(reports).toHaveLength(1);

      change();
      await tick();
      expect(queue.length).toBeGreaterThan(0); // the change was seen and queued for reading
      await settle();

      expect(reports).toHaveLength(1);
    });
  }

  /** How far the first scan has got when the page changes: queued jobs run, idle time each. */
  const during: { name: string; jobs: number; remaining: number }[] = [
    { name: 'before any slice has run', jobs: 0, remaining: 50 },
    { name: 'after the element detectors’ slice', jobs: 1, remaining: 50 },
    { name: 'midway through the text walk', jobs: 2, remaining: 0 },
  ];
  const changes: { name: string; change: () => void; email: string }[] = [
    {
      name: 'a mailto link named, not addressed, in its text',
      change: () => {
        const link = document.createElement('a');
        link.href = 'mailto:zed@late.example';
        link.textContent = 'Zed';
        document.getElementById('first')!.after(link);
      },
      email: 'zed@late.example',
    },
    {
      name: 'an edit to text the walk has already passed',
      change: () => {
        (document.getElementById('first')!.firstChild as Text).data = 'late@edit.example';
      },
      email: 'late@edit.example',
    },
    {
      name: 'an element inserted before where the walk has got to',
      change: () => {
        const p = document.createElement('p');
        p.textContent = 'inserted@early.example';
        document.getElementById('first')!.before(p);
      },
      email: 'inserted@early.example',
    },
  ];
  const raceCases = during.flatMap((when) =>
    changes.flatMap((what) =>
      [false, true].map((delivered) => ({
        ...when,
        ...what,
        name: `${what.name}, ${when.name}${delivered ? ', seen before the scan ends' : ''}`,
        delivered,
      })),
    ),
  );

  // A loop, not it.each: the names are too long for it.each's formatting.
  for (const { name, jobs, remaining, change, email, delivered } of raceCases) {
    it(`still reports ${name}`, async () => {
      // Enough text nodes that a slice with no idle time left stops partway (128 a slice).
      const filler = Array.from({ length: 400 }, (_, i) => `<p>filler ${i}</p>`).join('');
      const { reports, run, settle } = startSession(
        `<p id="first">nobody yet</p>${filler}<p>ada@example.com</p>`,
      );
      run(jobs, remaining);
      change();
      if (delivered) await tick();
      await settle();

      expect(reports.length).toBeGreaterThanOrEqual(1);
      expect(emailsOf(reports.at(-1))).toEqual(['ada@example.com', email].sort());
    });
  }

  it('reads the page afresh after a navigation, dropping contacts no longer there', async () => {
    const { location, reports, settle } = startSession(PAGE);
    await settle();

    location.href = 'https://app.example/inbox/2';
    document.getElementById('grace')!.remove();
    await settle();

    expect(reports).toHaveLength(2);
    expect(reports[1]?.url).toBe('https://app.example/inbox/2');
    expect(emailsOf(reports[1])).toEqual(['ada@example.com']);
    expect(reports[1]?.contacts.flatMap((contact) => contact.phones)).toEqual(['(212) 555-0100']);
  });

  it('reads a swapped-in page whole after a navigation', async () => {
    const { location, reports, settle } = startSession(PAGE);
    await settle();

    location.href = 'https://app.example/inbox/3';
    setBody('<p>From: Linus &lt;linus@kernel.example&gt;</p>');
    await settle();

    expect(reports).toHaveLength(2);
    expect(reports[1]?.url).toBe('https://app.example/inbox/3');
    expect(emailsOf(reports[1])).toEqual(['linus@kernel.example']);
  });

  it('keeps reading incrementally at the new address after a navigation', async () => {
    const { location, reports, settle } = startSession(PAGE);
    await settle();
    location.href = 'https://app.example/inbox/2';
    document.getElementById('grace')!.remove();
    await settle();

    const p = document.createElement('p');
    p.textContent = 'margaret@apollo.example';
    document.body.append(p);
    await settle();

    expect(reports).toHaveLength(3);
    expect(reports[2]?.url).toBe('https://app.example/inbox/2');
    expect(emailsOf(reports[2])).toEqual(['ada@example.com', 'margaret@apollo.example']);
  });

  it('rescans on request, returning what the page holds', async () => {
    const { session, reports, run, settle } = startSession(PAGE);
    await settle();
    document.getElementById('grace')!.remove();
    await settle();

    const rescan = session.rescan();
    await tick();
    run();
    await settle();
    const report = await rescan;

    expect(emailsOf(report)).toEqual(['ada@example.com']);
    expect(reports).toHaveLength(2);
    expect(emailsOf(reports[1])).toEqual(['ada@example.com']);
  });

  it('sends nothing after stop()', async () => {
    const { session, reports, queue, settle } = startSession(PAGE);
    await settle();
    session.stop();

    const p = document.createElement('p');
    p.textContent = 'after@stop.example';
    document.body.append(p);
    await tick();
    expect(queue).toHaveLength(0);
    await settle();

    expect(reports).toHaveLength(1);
  });

  it('sends nothing after stop(), even for a change already seen and queued', async () => {
    const { session, reports, queue, settle } = startSession(PAGE);
    await settle();

    const p = document.createElement('p');
    p.textContent = 'queued@stop.example';
    document.body.append(p);
    await tick();
    expect(queue).toHaveLength(1);
    session.stop();
    await settle();

    expect(reports).toHaveLength(1);
  });

  it('sends nothing after stop() during the first scan, which still resolves', async () => {
    const { session, reports, run, settle } = startSession(PAGE);
    run(1);
    session.stop();
    await settle();

    expect(reports).toEqual([]);
    expect(emailsOf(await session.firstScan)).toEqual(['ada@example.com', 'grace@navy.example']);
  });
});
