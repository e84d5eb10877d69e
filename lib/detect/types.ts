/** Which detector saw a contact; a contact seen by several is surer. */
export type DetectorSource =
  | 'mailto'
  | 'text-email'
  | 'obfuscated-email'
  | 'name-address'
  | 'tel'
  | 'text-phone'
  | 'json-ld'
  | 'microdata'
  | 'rdfa'
  | 'h-card'
  | 'gmail'
  | 'outlook'
  | 'signature';

/** Where a contact stands in an open email message (webmail only). */
export type ContactRole = 'sender' | 'recipient' | 'cc' | 'quoted' | 'signature';

/**
 * A contact found on a page. Emails are normalised; phones are as written on the
 * page (the background validates them, keeping libphonenumber out of the page).
 */
export interface DetectedContact {
  name?: string;
  emails: string[];
  phones: string[];
  organization?: string;
  title?: string;
  website?: string;
  role?: ContactRole;
  sources: DetectorSource[];
  confidence: number;
}

export interface DetectContext {
  url: string;
}

/**
 * One detector's raw finding, before findings about the same person are merged.
 * It needs an email or a phone to become a contact; the rest enriches it.
 */
export interface Finding {
  source: DetectorSource;
  /** 0–1: how sure this detector is that this is a real contact. */
  confidence: number;
  /** Normalised with `normalizeEmail`. */
  email?: string;
  /** As written on the page. */
  phones?: string[];
  name?: string;
  organization?: string;
  title?: string;
  website?: string;
  role?: ContactRole;
  /** A message body's lines, read into a signature by the background (signature.ts). */
  signature?: SignatureBlock;
}

/**
 * The lines of one message body, outside its quoted history, with the sender of its
 * message: what the background reads a signature from. Reading signatures is text
 * work with many patterns, so it is done there and the content script stays small.
 */
export interface SignatureBlock {
  lines: string[];
  /** The lines are Gmail's own signature block (`div.gmail_signature`), not a whole body. */
  signed?: boolean;
  sender?: { email: string; name?: string };
}

/** Reads a page (or part of one) for one kind of evidence. */
export type Detector = (root: ParentNode, context: DetectContext) => Finding[];

/**
 * A detector that can pause: each `yield` is a point where the scan may leave the
 * rest for the next idle slice (a page of thousands of links is more than one frame's
 * work); it returns its findings when done. See element-pass.ts.
 */
export type ElementReader = (
  root: ParentNode,
  context: DetectContext,
) => Generator<undefined, Finding[], undefined>;

/**
 * Reads one text node's data. Text detectors share a single walk over the page's
 * readable text (one pass, not one per detector); each should reject cheaply first.
 */
export type TextDetector = ((text: string) => Finding[]) & {
  /**
   * Optional: a cheap test (no `g` or `y` flag) that text must pass for this detector
   * to find anything in it, so the text pass can skip its costlier gates (text-pass).
   */
  readonly mayMatch?: RegExp;
};
