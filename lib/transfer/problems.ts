/**
 * Something in an imported file the user should know about. `line` counts from 1 in
 * the file as the user's editor shows it; `path` names a place in a JSON backup
 * (`stores.parties[12].emails.0`). An `error` keeps the row (or the whole file) out;
 * a `warning` means the row is imported with something adjusted, said in `message`.
 */
export interface ImportProblem {
  severity: 'error' | 'warning';
  message: string;
  line?: number;
  path?: string;
}

/** One record read from a file, with the line it started on. */
export interface ImportRow<T> {
  line: number;
  value: T;
}

export const problemError = (message: string, where: { line?: number; path?: string } = {}) =>
  ({ severity: 'error', message, ...where }) satisfies ImportProblem;

export const problemWarning = (message: string, where: { line?: number; path?: string } = {}) =>
  ({ severity: 'warning', message, ...where }) satisfies ImportProblem;

/** "line 12: …" or "stores.parties[3]: …", for one-line summaries. */
export function describeProblem(problem: ImportProblem): string {
  const where =
    problem.line !== undefined ? `Line ${problem.line}` : problem.path ? problem.path : '';
  return where ? `${where}: ${problem.message}` : problem.message;
}
