// Prints one closing line for all test runs: "N passed, N failed" (with skipped),
// read from the JSON reports the unit, end-to-end and Firefox runs write to test-results/.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of [
  'test-results/unit.json',
  'test-results/e2e.json',
  'test-results/firefox.json',
]) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
