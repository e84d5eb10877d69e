export interface Failure {
  where: string;
  name: string;
  error: string;
}
export interface SuiteCount {
  passed: number;
  failed: number;
  skipped: number;
  brokenFiles: number;
  failures: Failure[];
}
export const SUITES: Record<string, string>;
export function readSuites(suites?: Record<string, string>): {
  counted: Record<string, SuiteCount>;
  missing: string[];
};
export function failuresOf(report: unknown): Failure[];
export function failureLines(suites: { counted: Record<string, Partial<SuiteCount>> }): string[];
export function summaryLines(suites: {
  counted: Record<string, SuiteCount>;
  missing: string[];
}): string[];
