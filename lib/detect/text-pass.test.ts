import { describe, expect, it, vi } from 'vitest';
import { TEXT_DETECTORS } from './index';
import { runTextDetectors } from './text-pass';
import type { TextDetector } from './types';

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(head: string, body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

/** A phone-like detector that finds nothing, and records the texts its test was asked about. */
function watchedDigits(): { detector: TextDetector; asked: string[] } {
  const asked: string[] = [];
  const test = vi.fn((text: string) => {
    asked.push(text);
    return true;
  });
  const detector = Object.assign(() => [], { mayMatch: { test } as unknown as RegExp });
  return { detector, asked };
}

describe('the text pass', () => {
  const script = `var version = "1.2.3"; ${'call(12345678); '.repeat(100)}`;
  const prose = `Call us on 020 7946 0958. ${'More words on the subject. '.repeat(50)}`;

  it('does not search a long script before asking whether it is read', () => {
    const { detector, asked } = watchedDigits();
    runTextDetectors(page(`<script>${script}</script>`, `<p>${prose}</p><p>Room 12</p>`), {
      at: [],
      digits: [detector],
      spelled: [],
    });
    expect(asked).toEqual([prose, 'Room 12']);
  });

  it('still reads long readable text and skips short script text', () => {
    const found = runTextDetectors(
      page('<script>var a = "short@example.com";</script>', `<pre>${prose} ada@example.com</pre>`),
      {
        at: [(text) => (text.includes('ada@') ? [{ source: 'text-email', confidence: 1 }] : [])],
        digits: [],
        spelled: [],
      },
    );
    expect(found).toEqual([{ source: 'text-email', confidence: 1 }]);
  });

  const emailsIn = (body: string) =>
    runTextDetectors(page('', body), TEXT_DETECTORS).map((finding) => finding.email);

  it('reads a disguised address whatever the case of its "at", spaced or not', () => {
    expect(emailsIn('<p>Write to ada[AT]example[DOT]com today</p>')).toEqual(['ada@example.com']);
    expect(emailsIn('<p>Write to ada(At)example.com</p>')).toEqual(['ada@example.com']);
    expect(emailsIn('<p>Write to ada [at ] example [dot] com</p>')).toEqual(['ada@example.com']);
    expect(emailsIn('<p>Write to ada AT example DOT com</p>')).toEqual(['ada@example.com']);
    // With a digit, so that it goes through the same gate as most of a page's text.
    expect(emailsIn('<p>Room 12: ada{AT}example{DOT}org</p>')).toEqual(['ada@example.org']);
  });

  it('finds no address in prose with brackets and a spelled "at" but no disguised one', () => {
    expect(emailsIn('<p>See you at 9:30 (CET) in room 4 [see table 2], or at home.</p>')).toEqual(
      [],
    );
  });
});
