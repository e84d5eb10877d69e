// Reads the JSON reports the unit, end-to-end and Firefox runs write to test-results/,
// and says which suites it counted, which are missing, and the total
// ("N passed, N failed"). `node scripts/test-summary.mjs` prints it; scripts/run-tests.mjs
// (what `npm test` runs) prints it after every part.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each suite with a report, by the name the summary gives it. */
export const SUITES = {
  unit: 'test-results/unit.json',
  'end-to-end': 'test-results/e2e.json',
  firefox: 'test-results/firefox.json',
};

/** Counts per suite; a suite whose report is absent (it did not run, or crashed before writing) is `missing`. */
export function readSuites(suites = SUITES) {
  const counted = {};
  const missing = [];
  for (const [name, file] of Object.entries(suites)) {
    if (!existsSync(file)) {
      missing.push(name);
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8'));
    counted[name] = {
      passed: report.numPassedTests ?? 0,
      failed: report.numFailedTests ?? 0,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
      // A file that failed to load has no tests to count but is a failure all the same.
      brokenFiles: (report.testResults ?? []).filter(
        (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
      ).length,
      failures: failuresOf(report),
    };
  }
  return { counted, missing };
}

/**
 * Each failed test (or test file that failed to load) by file and name, with the first line
 * of its error. A CI log is often read from its tail only, so the summary repeats them there.
 */
export function failuresOf(report) {
  const failures = [];
  for (const file of report.testResults ?? []) {
    const where = relative(process.cwd(), file.name ?? '');
    const tests = file.assertionResults ?? [];
    if (file.status === 'failed' && tests.length === 0) {
      failures.push({ where, name: '(the file failed to load)', error: firstLine(file.message) });
    }
    for (const test of tests) {
      if (test.status !== 'failed') continue;
      failures.push({
        where,
        name: test.fullName ?? test.title ?? '',
        error: firstLine(test.failureMessages?.[0]),
      });
    }
  }
  return failures;
}

function firstLine(text) {
  const line =
    String(text ?? '')
      .split('\n')
      .find((part) => part.trim() !== '') ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** One line per failed test, for the end of a run's output. */
export function failureLines({ counted }) {
  return Object.entries(counted).flatMap(([suite, c]) =>
    (c.failures ?? []).map(
      (f) => `  ✗ ${suite}: ${f.where} › ${f.name}${f.error ? ` — ${f.error}` : ''}`,
    ),
  );
}

/** The summary's lines: one per suite counted, the missing ones, and the total. */
export function summaryLines({ counted, missing }) {
  const lines = Object.entries(counted).map(
    ([name, c]) =>
      `${name}: ${c.passed} passed, ${c.failed + c.brokenFiles} failed, ${c.skipped} skipped` +
      (c.brokenFiles ? ` (${c.brokenFiles} test files failed to load)` : ''),
  );
  if (missing.length) lines.push(`missing: ${missing.join(', ')} (no report)`);
  const total = Object.values(counted).reduce(
    (sum, c) => ({ passed: sum.passed + c.passed, failed: sum.failed + c.failed + c.brokenFiles }),
    { passed: 0, failed: 0 },
  );
  lines.push(`${total.passed} passed, ${total.failed} failed`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const suites = readSuites();
  for (const line of [...failureLines(suites), ...summaryLines(suites)]) console.log(line);
  if (suites.missing.length > 0 || Object.values(suites.counted).some((c) => c.failed)) {
    process.exitCode = 1;
  }
}
