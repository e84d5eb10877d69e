export interface SinkPattern {
  sink: string;
  pattern: RegExp;
}
export interface SinkOccurrence {
  /** The bundle path without its content hash. */
  file: string;
  sink: string;
  match: string;
  before: string;
  after: string;
}
export interface AllowedSink {
  file: string;
  sink: string;
  snippet: string;
  reason: string;
  count?: number;
}
export interface ReviewedManifest {
  keys: string[];
  permissions: Record<string, string>;
  hostPermissions: Record<string, string>;
  optionalHostPermissions: Record<string, string>;
  webAccessibleResources: string[];
}
export declare const SINK_PATTERNS: SinkPattern[];
export declare function stableBundlePath(path: string): string;
export declare function blurLocalNames(code: string): string;
export declare function findSinks(
  file: string,
  code: string,
  patterns?: SinkPattern[],
): SinkOccurrence[];
export declare function snippetCovers(snippet: string, occurrence: SinkOccurrence): boolean;
export declare function applyAllowList(
  occurrences: SinkOccurrence[],
  allowList: AllowedSink[],
): { unexpected: SinkOccurrence[]; stale: { entry: AllowedSink; found: number }[] };
export declare function cspProblems(policy: string): string[];
export declare function manifestProblems(
  manifest: Record<string, unknown>,
  reviewed: ReviewedManifest,
): string[];
export declare function pageProblems(file: string, html: string): string[];
export declare function overBudget(
  sizes: { file: string; gzipBytes: number }[],
  limitBytes: number,
): string[];
export declare function kb(bytes: number): string;
export declare function initialLoad(html: string, read: (path: string) => string): string[];
