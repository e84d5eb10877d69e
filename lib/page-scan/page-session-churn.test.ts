import { afterEach, describe, expect, it } from 'vitest';
import type { Deadline } from './idle';
import { MAX_REPORTED_CONTACTS, startPageSession, type PageReport } from './page-session';

type Work = (deadline: Deadline) => void;
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const sessions: { stop(): void }[] = [];

/** A session over the test document, its idle work run when the test settles it. */
function startSession() {
  const queue: Work[] = [];
  const reports: PageReport[] = [];
  const session = startPageSession({
    document,
    location: { href: 'https://feed.example/' },
    schedule: (work) => queue.push(work),
    report: (report) => {
      reports.push(report);
      return Promise.resolve([]);
    },
  });
  sessions.push(session);
  const settle = async () => {
    for (let round = 0; round < 100; round++) {
      await tick();
      if (queue.length === 0) return;
      while (queue.length > 0) queue.shift()!({ timeRemaining: () => 50 });
    }
    throw new Error('the session never settled');
  };
  return { reports, settle };
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

/** Replaces what `box` shows, `rounds` times, with `perRound` new addresses each, read each time. */
async function churn(box: Element, rounds: number, perRound: number, settle: () => Promise<void>) {
  for (let round = 0; round < rounds; round++) {
    box.replaceChildren(
      ...Array.from({ length: perRound }, (_, i) =>
        paragraph(`gust.${round * perRound + i}@feed.example`),
      ),
    );
    await settle();
  }
}

const emailsOf = (report: PageReport | undefined) =>
  (report?.contacts ?? []).flatMap((contact) => contact.emails);

/**
 * Pages that keep replacing what they show (feeds, live lists, a hostile mutation
 * storm) must not make the session remember everything they ever showed: the report
 * would grow without end and, past what the background accepts, stop being sent.
 */
describe('a page session on a page that churns', () => {
  afterEach(() => {
    for (const session of sessions.splice(0)) session.stop();
    document.body.replaceChildren();
  });

  it('keeps reporting what the page holds after thousands of replaced addresses', async () => {
    document.body.replaceChildren(paragraph('first@feed.example'));
    const { reports, settle } = startSession();
    await settle();
    await churn(document.body, 250, 10, settle);
    const last = reports.at(-1);
    expect(emailsOf(last)).toContain('gust.2499@feed.example');
    // Bounded by the re-read, not by everything ever shown (2,501 addresses).
    expect(last!.contacts.length).toBeLessThanOrEqual(1001);
    expect(Math.max(...reports.map((report) => report.contacts.length))).toBeLessThanOrEqual(
      MAX_REPORTED_CONTACTS,
    );
  });

  it('reads the page afresh once stale findings pile up, dropping what it removed', async () => {
    document.body.replaceChildren(paragraph('keeper@feed.example'));
    const { reports, settle } = startSession();
    await settle();
    const box = document.createElement('section');
    document.body.append(box);
    await churn(box, 120, 10, settle);
    const emails = emailsOf(reports.at(-1));
    expect(emails).toContain('keeper@feed.example');
    expect(emails).toContain('gust.1199@feed.example');
    expect(emails).not.toContain('gust.0@feed.example');
  });

  it(`never reports more than ${MAX_REPORTED_CONTACTS} contacts, even from a page that holds more`, async () => {
    const many = 2300;
    document.body.replaceChildren(
      ...Array.from({ length: many }, (_, n) => paragraph(`person.${n}@big.example`)),
    );
    const { reports, settle } = startSession();
    await settle();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.contacts).toHaveLength(MAX_REPORTED_CONTACTS);
    expect(emailsOf(reports[0])[0]).toBe('person.0@big.example');
  });
});
