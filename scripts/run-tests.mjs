// `npm test`: every part of the test run, each run even when an earlier one failed (one
// flaky unit test must not hide the end-to-end and Firefox results), then one line per
// part and the total, and a non-zero exit if anything failed.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { SUITES, failureLines, readSuites } from './test-summary.mjs';

/** Each part: the npm script it runs, and the suite whose report counts its tests (if any). */
const PARTS = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'format', script: 'format:check' },
  { name: 'unit', script: 'test:unit', suite: 'unit' },
  { name: 'bundle', script: 'check:bundle' },
  { name: 'end-to-end', script: 'test:end-to-end', suite: 'end-to-end' },
  { name: 'firefox', script: 'test:firefox', suite: 'firefox' },
];

// Reports from an earlier run would stand in for a part that crashed before writing one.
for (const file of Object.values(SUITES)) rmSync(file, { force: true });

const started = Date.now();
const results = PARTS.map((part) => {
  const begun = Date.now();
  console.log(`\n▶ ${part.name} (npm run ${part.script})`);
  const run = spawnSync('npm', ['run', part.script], { stdio: 'inherit' });
  return { ...part, ok: run.status === 0, seconds: Math.round((Date.now() - begun) / 1000) };
});

const { counted } = readSuites();
let passed = 0;
let failed = 0;
console.log('\nTest run:');
for (const part of results) {
  const tests = part.suite ? counted[part.suite] : undefined;
  let line;
  if (part.suite && !tests) {
    // Its report is missing: the part crashed, or never reached its tests.
    failed += 1;
    line = `FAILED, no report`;
  } else if (tests) {
    const broken = tests.failed + tests.brokenFiles;
    passed += tests.passed;
    // A run that exits non-zero with every test passed (a crash after them) still fails once.
    failed += broken > 0 || part.ok ? broken : 1;
    line = `${tests.passed} passed, ${broken} failed${tests.skipped ? `, ${tests.skipped} skipped` : ''}`;
    if (!part.ok && broken === 0) line += ' (then exited with an error)';
  } else {
    // A check without tests counts as one.
    if (part.ok) passed += 1;
    else failed += 1;
    line = part.ok ? 'passed' : 'FAILED';
  }
  console.log(`  ${part.name.padEnd(11)} ${line} (${part.seconds} s)`);
}
console.log(`  took ${Math.round((Date.now() - started) / 60000)} min`);
// Named again here because a CI log is often read from its tail only.
const failures = failureLines({ counted });
if (failures.length > 0) console.log(['Failed:', ...failures].join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = results.every((part) => part.ok) && failed === 0 ? 0 : 1;
