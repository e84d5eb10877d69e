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

const DIGIT = /\d/;
const AT_OR_DIGIT = /[@\d]/;
/** Nodes read between two `hasTime()` checks. */
const NODES_PER_CHECK = 128;
/** Texts collected before the detectors run over them (and at the end of each step). */
const TEXTS_PER_BATCH = 256;
const ALWAYS = () => true;

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
 * element-skip and readable-text), and outside editable regions: a root inside one
 * has no readable text; below the root, a text node's own parent and its nearest
 * editable ancestor decide, as in `createReadableTextWalker`.
 *
 * Speed (budgets.md: the whole scan ≤ 2.5× a bare TreeWalker pass): the cheap tests
 * on the text come first, so prose costs two scans of its characters and no DOM
 * access beyond its `data`. Only text some detector wants is checked for being
 * readable: its parent's tag before the detectors run, its editable ancestor only
 * when they found something. The detectors run a batch of nodes at a time, each over
 * the batch's texts in turn. A class and plain functions rather than closures made
 * per walk, so that the optimised code of one walk serves the next.
 */
export class TextPass {
  readonly findings: Finding[] = [];
  private readonly walker: TreeWalker;
  private readonly rootIsSkipped: boolean;
  private readonly groups: readonly (readonly TextDetector[])[];
  private readonly spelledTests: RegExp[] | null;
  private readonly digitTests: RegExp[] | null;
  // The batch: the wanted texts, their nodes, the groups they want, what was found.
  private readonly texts: string[] = [];
  private readonly nodes: Text[] = [];
  private readonly wants: number[] = [];
  private readonly found: (Finding[] | undefined)[] = [];

  constructor(root: ParentNode, detectors: TextDetectors) {
    const document = (root as Node).ownerDocument ?? (root as Document);
    this.walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    this.rootIsSkipped = root instanceof Element && isInSkippedElement(root);
    // Per node, findings stay in this order: `at`, `spelled`, `digits`.
    this.groups = [detectors.at, detectors.spelled, detectors.digits];
    this.spelledTests = mayMatchTests(detectors.spelled);
    this.digitTests = mayMatchTests(detectors.digits);
  }

  step(hasTime: () => boolean): boolean {
    if (this.rootIsSkipped) return true;
    for (;;) {
      for (let i = 0; i < NODES_PER_CHECK; i++) {
        const node = this.walker.nextNode();
        if (node === null) {
          this.flush();
          return true;
        }
        this.consider(node as Text);
      }
      if (this.texts.length >= TEXTS_PER_BATCH) this.flush();
      if (!hasTime()) {
        this.flush();
        return false;
      }
    }
  }

  /** Adds the node to the batch if some detector wants its text and it is readable. */
  private consider(node: Text): void {
    const text = node.data;
    const atOrDigit = AT_OR_DIGIT.test(text);
    const maySpell = mayMatch(this.groups[1]!, this.spelledTests, text);
    if (!atOrDigit && !maySpell) return;
    let want = 0;
    if (atOrDigit && text.includes('@')) want |= AT;
    // `ada@example[dot]com` has an @ and still needs the disguised-address reader.
    if (maySpell && (want & AT ? text.includes('dot') : spellsAt(text))) want |= SPELLED;
    if (atOrDigit && DIGIT.test(text) && mayMatch(this.groups[2]!, this.digitTests, text)) {
      want |= DIGITS;
    }
    if (want === 0) return;
    const parent = node.parentElement;
    if (parent !== null && SKIPPED_TAGS.has(parent.tagName)) return;
    this.texts.push(text);
    this.nodes.push(node);
    this.wants.push(want);
  }

  /** Runs the detectors over the batch, keeps what readable text held, empties it. */
  private flush(): void {
    const { texts, nodes, wants, found, findings } = this;
    if (texts.length === 0) return;
    found.length = 0;
    for (let i = 0; i < texts.length; i++) found.push(undefined);
    for (let g = 0, bit = AT; g < 3; g++, bit <<= 1) {
      for (const detect of this.groups[g]!) runDetector(detect, bit, texts, wants, found);
    }
    for (let i = 0; i < texts.length; i++) {
      const more = found[i];
      if (more === undefined) continue;
      // What the user is typing is theirs: nothing found in an editable region is kept.
      const parent = nodes[i]!.parentElement;
      if (parent !== null && parent.closest(EDITABLE) !== null) continue;
      for (const finding of more) findings.push(finding);
    }
    texts.length = 0;
    nodes.length = 0;
    wants.length = 0;
    found.length = 0;
  }
}

/** Runs one detector over the texts in the batch that want its group (`bit`). */
function runDetector(
  detect: TextDetector,
  bit: number,
  texts: readonly string[],
  wants: readonly number[],
  found: (Finding[] | undefined)[],
): void {
  for (let i = 0; i < texts.length; i++) {
    if ((wants[i]! & bit) === 0) continue;
    const more = detect(texts[i]!);
    if (more.length === 0) continue;
    const into = found[i];
    if (into === undefined) found[i] = more.slice();
    else for (const finding of more) into.push(finding);
  }
}

/**
 * `ada at example dot com`: a spaced " at " or a bracketed "at]", "at)", "at}", "at>".
 * Searched for from the "at"s themselves rather than with six substring scans.
 */
function spellsAt(text: string): boolean {
  for (let at = text.indexOf('at'); at !== -1; at = text.indexOf('at', at + 1)) {
    const next = text.charCodeAt(at + 2);
    // ] ) } >
    if (next === 93 || next === 41 || next === 125 || next === 62) return true;
    if (next === 32 && at > 0 && text.charCodeAt(at - 1) === 32) return true;
  }
  return text.includes('AT') && text.includes(' AT ');
}

/**
 * A group's detectors find nothing in text that none of their `mayMatch` tests match.
 * When every detector has one, the group is skipped for such text: the spelled-out
 * readers are not looked for in every paragraph of prose, the phone reader not run on
 * every `Person 12`. `null`: no such shortcut.
 */
function mayMatchTests(group: readonly TextDetector[]): RegExp[] | null {
  const tests: RegExp[] = [];
  for (const detect of group) {
    if (detect.mayMatch === undefined) return null;
    tests.push(detect.mayMatch);
  }
  return tests;
}

function mayMatch(group: readonly TextDetector[], tests: RegExp[] | null, text: string): boolean {
  if (group.length === 0) return false;
  if (tests === null) return true;
  for (const test of tests) if (test.test(text)) return true;
  return false;
}
