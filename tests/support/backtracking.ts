import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Backtracks one run of a pattern may take in these tests: a pattern that reads its
 * input in linear time backtracks a few times per run (none of the detectors' hostile
 * inputs reach 1,000), a catastrophic one millions of times.
 */
export const LINEAR_RUN = 10_000;

const STDBUF = '/usr/bin/stdbuf';

/**
 * Runs `script` (TypeScript importing from the repository, defining `run()` that
 * returns JSON-able data) in a fresh Node whose regular-expression engine counts
 * backtracks: V8 gives up backtracking a match once one run of a pattern has
 * backtracked `backtracks` times, finishes it on its linear engine, and says so. A
 * pattern that backtracks catastrophically on the input is caught by the count, not
 * by a clock: the same answer on a fast machine and a loaded one.
 *
 * What it cannot see: V8's linear engine takes no lookbehind, back-reference or
 * case-insensitive (`i`) pattern, and those never fall back, so a runaway among them
 * shows only as the test not finishing.
 */
export async function countBacktracks(
  script: string,
  backtracks: number,
): Promise<{ result: unknown; excessive: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'clientele-backtracks-'));
  try {
    const out = join(dir, 'run.mjs');
    const built = await build({
      stdin: {
        contents: `${script}\nconsole.log('RESULT ' + JSON.stringify(run()));\n`,
        resolveDir: resolve('.'),
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      logLevel: 'error',
    });
    writeFileSync(out, built.outputFiles[0]!.text);
    // The first run that gives up backtracking ends the count: a catastrophic pattern
    // would go on to do the same from every position of its input.
    // V8 prints its trace through C's stdout, held back while piped: `stdbuf` makes it
    // flow, so that a runaway pattern is seen at once rather than at the end.
    const node = [
      process.execPath,
      '--enable-experimental-regexp-engine-on-excessive-backtracks',
      `--regexp-backtracks-before-fallback=${backtracks}`,
      '--trace-experimental-regexp-engine',
      out,
    ];
    const child = existsSync(STDBUF)
      ? spawn(STDBUF, ['-o0', ...node])
      : spawn(node[0]!, node.slice(1));
    let output = '';
    let excessive = 0;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (excessive === 0 && output.includes('Experimental execution')) {
        excessive = 1;
        child.kill();
      }
    });
    await new Promise((done) => child.on('close', done));
    const last = output.split('\n').findLast((line) => line.startsWith('RESULT '));
    return {
      result:
        last === undefined ? undefined : (JSON.parse(last.slice('RESULT '.length)) as unknown),
      excessive,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
