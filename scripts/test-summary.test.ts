// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { failureLines, failuresOf } from './test-summary.mjs';

describe('failuresOf', () => {
  it('names each failed test with the first line of its error, and a file that failed to load', () => {
    const report = {
      testResults: [
        {
          name: `${process.cwd()}/tests/e2e/page-scan.e2e.ts`,
          status: 'failed',
          assertionResults: [
            { status: 'passed', fullName: 'reads a page' },
            {
              status: 'failed',
              fullName: 'follows Gmail as another message opens',
              failureMessages: [
                '\nAssertionError: expected [ "a" ] to equal [ "b" ]\n    at stack',
              ],
            },
          ],
        },
        {
          name: `${process.cwd()}/tests/e2e/broken.e2e.ts`,
          status: 'failed',
          message: 'SyntaxError: x',
        },
      ],
    };
    expect(failuresOf(report)).toEqual([
      {
        where: 'tests/e2e/page-scan.e2e.ts',
        name: 'follows Gmail as another message opens',
        error: 'AssertionError: expected [ "a" ] to equal [ "b" ]',
      },
      {
        where: 'tests/e2e/broken.e2e.ts',
        name: '(the file failed to load)',
        error: 'SyntaxError: x',
      },
    ]);
  });

  it('has nothing to say of a report with no failures', () => {
    const lines = failureLines({
      counted: {
        unit: {
          failures: failuresOf({ testResults: [{ status: 'passed', assertionResults: [] }] }),
        },
      },
    });
    expect(lines).toEqual([]);
  });
});
