import type { UiText } from '../domain/ui-text';

/**
 * Something in an imported file the user should know about. `line` counts from 1 in
 * the file as the user's editor shows it; `path` names a place in a JSON backup
 * (`stores.parties[12].emails.0`). An `error` keeps the row (or the whole file) out;
 * a `warning` means the row is imported with something adjusted, said in `message`
 * (a code and its values: the page words it, lib/ui/ui-text.ts).
 */
export interface ImportProblem {
  severity: 'error' | 'warning';
  message: UiText;
  line?: number;
  path?: string;
}

/** One record read from a file, with the line it started on. */
export interface ImportRow<T> {
  line: number;
  value: T;
  /**
   * The line each of the draft's phones was read from, in the order of its `phones`
   * (a vCard's TEL lines), so a warning about one names its own line. Absent when
   * every value is on `line` (a CSV row).
   */
  phoneLines?: number[];
}

export const problemError = (message: UiText, where: { line?: number; path?: string } = {}) =>
  ({ severity: 'error', message, ...where }) satisfies ImportProblem;

export const problemWarning = (message: UiText, where: { line?: number; path?: string } = {}) =>
  ({ severity: 'warning', message, ...where }) satisfies ImportProblem;
