import { EDITABLE, isInSkippedElement, SKIPPED_TAGS } from './element-skip';
import type { Finding, TextDetector } from './types';

/**
 * Which text detectors a node's text can interest, decided with the cheapest tests
 * there are (most of a page is prose with no @ and no digit, and is skipped here).
 */
export interface TextDetectors {
  /** Need an `@`: plain addresses, `Name <address>`. */
  at: readonly TextDetector[];
  /** Need a digit: phones. */
  digits: readonly TextDetector[];
  /** Need a spelled-out "at": disguised addresses. */
  spelled: readonly TextDetector[];
}

// Text without any of these is prose to every detector but the spelled-out reader:
// one scan of a character class, the cheapest test there is.
export const GATE = /[@\d[({<]/;
/**
 * `ada at example dot com`, `ada [at] example`, `ada(AT)example`: a spaced "at", or an
 * "at" before a closing bracket (spaces allowed), in any case. A pattern rather than a
 * search from each "at": prose is full of them (`that`, `update`, `strategy`).
 */
const SPELLS_AT = /\sat\s|at\s*[\])}>]/i;
const MAILTO = 'a[href^="mailto:" i]';
/** Nodes read between two `hasTime()` checks. */
const NODES_PER_CHECK = 128;
/** Text this long is asked whether it is read before it is searched (a script's can run to megabytes). */
const LONG = 1000;
const ALWAYS = () => true;
const ANYTHING = /(?:)/;

// Which groups of detectors a text node wants (bits).
const AT = 1;
const SPELLED = 2;
const DIGITS = 4;

/** Runs every text detector over each readable text node, in one walk. */
export function runTextDetectors(root: ParentNode, detectors: TextDetectors): Finding[] {
  const pass = new TextPass(root, detectors);
  pass.step(ALWAYS);
  return pass.findings;
}

/**
 * The same walk, a slice at a time: each `step` reads until `hasTime()` says stop
 * (checked every 128 nodes) and returns true once the whole tree has been read.
 */
export function createTextPass(root: ParentNode, detectors: TextDetectors): TextPass {
  return new TextPass(root, detectors);
}

/**
 * A walk over the readable text under a root, running the text detectors.
 *
 * Readable text is the text outside scripts, styles, form fields and the like (see
 * element-skip), and outside editable regions: a root inside one has no readable
 * text; below the root, a text node's own parent and its nearest editable ancestor
 * decide.
 *
 * Speed (budgets.md: the whole scan ≤ 5× a bare TreeWalker pass): the cheap tests
 * on the text come first, so prose costs one scan for a class of characters (and one
 * for a spelled-out "dot", when a detector reads those) and no DOM access beyond its
 * `data`. (Scanning a slice's texts joined, one pattern run per slice, measured no
 * faster: the joined strings cost their copy and garbage collection; so did one
 * pattern for both tests, which loses the class scan's speed.) Text with digits, most
 * of a real page's, goes to the phone reader, whose own scan is its test. Readability
 * is asked only of text that needs it: a long text's parent's tag before anything else
 * (a script's text can run to megabytes), a short text's parent's tag and its editable
 * ancestor only when the detectors found something in it. A class rather than closures
 * made per walk, so that the optimised code of one walk serves the next.
 */
export class TextPass {
  readonly findings: Finding[] = [];
  #walker: TreeWalker;
  #rootIsSkipped: boolean;
  #groups: readonly (readonly TextDetector[])[];
  #spelledTest: RegExp | undefined;
  /** What prose must pass before the spelled-out "at" is looked for; null: nobody reads it. */
  #proseTest: RegExp | null;
  #digitTest: RegExp | undefined;
  #reads: number;

  constructor(root: ParentNode, detectors: TextDetectors) {
    const document = (root as Node).ownerDocument ?? (root as Document);
    this.#walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    this.#rootIsSkipped = root instanceof Element && isInSkippedElement(root);
    this.#groups = [detectors.at, detectors.spelled, detectors.digits];
    this.#spelledTest = testOf(detectors.spelled);
    this.#proseTest = detectors.spelled.length > 0 ? (this.#spelledTest ?? ANYTHING) : null;
    this.#digitTest = testOf(detectors.digits);
    this.#reads =
      (detectors.at.length > 0 ? AT : 0) |
      (detectors.spelled.length > 0 ? SPELLED : 0) |
      (detectors.digits.length > 0 ? DIGITS : 0);
  }

  /**
   * Reads on until `hasTime()` says stop. The loop holds the two tests every node
   * goes through, so that prose costs them and nothing more; the rest is in methods
   * called only for the text that passes.
   */
  step(hasTime: () => boolean): boolean {
    if (this.#rootIsSkipped || this.#reads === 0) return true;
    const walker = this.#walker;
    const prose = this.#proseTest;
    for (;;) {
      for (let i = 0; i < NODES_PER_CHECK; i++) {
        const node = walker.nextNode() as Text | null;
        if (node === null) return true;
        const text = node.data;
        // Prose (no @, digit or opening bracket) interests the spelled-out reader alone.
        if (GATE.test(text)) {
          if (text.length < LONG) this.#read(node, text, this.#wanted(text), false);
          else if (isReadable(node)) this.#read(node, text, this.#wanted(text), true);
        } else if (prose !== null && prose.test(text) && SPELLS_AT.test(text)) {
          this.#read(node, text, SPELLED, false);
        }
      }
      if (!hasTime()) return false;
    }
  }

  /**
   * The groups that want text with an @, a digit or an opening bracket. Each test is
   * the cheapest first: most such text is a label like `Person 12` that no group wants,
   * and is turned away by a few substring searches and one pattern run.
   */
  #wanted(text: string): number {
    const reads = this.#reads;
    const at = text.includes('@');
    let want = at ? reads & AT : 0;
    // `ada@example[dot]com` has an @ and still needs the disguised-address reader.
    // Without an @, the reader's own test first: it is rarer than a spelled "at"
    // (`at 9:30 (CET)` and `[see table 2]` are in most paragraphs, a bracketed "at"
    // or a "dot" in few).
    if (
      (reads & SPELLED) !== 0 &&
      (at ? text.includes('dot') : passes(this.#spelledTest, text) && SPELLS_AT.test(text))
    ) {
      want |= SPELLED;
    }
    // No test for a digit here: text that passed the gate has one nine times in ten,
    // and the phone reader's own first scan (for seven phone characters in a row) turns
    // away text without one as fast as a digit test would. One pattern run per text
    // fewer, on most of the text a page has.
    if ((reads & DIGITS) !== 0 && passes(this.#digitTest, text)) want |= DIGITS;
    return want;
  }

  /**
   * Runs the groups of detectors `want` asks for over one text; keeps what readable
   * text held. Whether short text is readable is asked only of text something was
   * found in: most text is, and most text holds nothing (a script's text costs the
   * detectors' own cheap tests, and what they find in it is dropped here).
   */
  #read(node: Text, text: string, want: number, readable: boolean): void {
    if (want === 0) return;
    let found: Finding[] | undefined;
    // Findings stay in this order: `at`, `spelled`, `digits`.
    for (let g = 0, bit = AT; g < 3; g++, bit <<= 1) {
      if ((want & bit) === 0) continue;
      for (const detect of this.#groups[g]!) {
        const more = detect(text);
        if (more.length > 0) (found ??= []).push(...more);
      }
    }
    if (!found || !(readable || isReadable(node))) return;
    // What the user is typing is theirs: nothing found in an editable region is kept.
    if (node.parentElement?.closest(EDITABLE) != null) return;
    // A `mailto:` link's text is evidence for the link's address (links.ts), not a
    // second contact: `<a href="mailto:sales@x.com">info@x.com</a>` is sales@ alone.
    const link = (want & AT) !== 0 ? node.parentElement?.closest(MAILTO) : null;
    if (link) {
      const href = link.getAttribute('href')!.toLowerCase();
      found = found.filter((finding) => !finding.email || href.includes(finding.email));
    }
    this.findings.push(...found);
  }
}

/** Whether a text node's own parent leaves it readable (see TextPass). */
function isReadable(node: Text): boolean {
  const parent = node.parentElement;
  return parent === null || !SKIPPED_TAGS.has(parent.tagName);
}

/**
 * A group's detectors find nothing in text that fails their `mayMatch` test: for a
 * group of one detector with a test, the text pass skips the group for such text (the
 * spelled-out reader is not run on every paragraph of prose, the phone reader not on
 * every `Person 12`). Other groups have no such shortcut.
 */
function testOf(group: readonly TextDetector[]): RegExp | undefined {
  return group.length === 1 ? group[0]!.mayMatch : undefined;
}

function passes(test: RegExp | undefined, text: string): boolean {
  return test === undefined || test.test(text);
}
