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
}

export const problemError = (message: UiText, where: { line?: number; path?: string } = {}) =>
  ({ severity: 'error', message, ...where }) satisfies ImportProblem;

export const problemWarning = (message: UiText, where: { line?: number; path?: string } = {}) =>
  ({ severity: 'warning', message, ...where }) satisfies ImportProblem;

/**
 * Where a problem is and its code ("stores.parties[3]: import_backup_invalid_record"),
 * for the background's errors, which carry no catalogue: the page words problems it
 * receives whole (lib/ui/ui-text.ts).
 */
export function problemSummary(problem: ImportProblem): string {
  const where = problem.line !== undefined ? `${problem.line}` : (problem.path ?? '');
  return where ? `${where}: ${problem.message.code}` : problem.message.code;
}
