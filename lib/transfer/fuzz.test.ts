import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBackup } from './backup-format';
import { parseBackupRecords } from './backup-records';
import { suggestMapping } from './csv-layouts';
import { readCsv } from './csv-read';
import { draftsFromRows } from './csv-rows';
import { decodeText } from './decode';
import { readVcards } from './vcard-read';

const FIXTURES = 'tests/fixtures/transfer';
const samples = readdirSync(FIXTURES).map(
  (name) => new Uint8Array(readFileSync(`${FIXTURES}/${name}`)),
);
const backupSample = JSON.stringify({
  format: 'clientele-backup',
  version: 1,
  exportedAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
  stores: {
    parties: [{ id: 'x', name: 'A' }],
    interactions: [],
    followUps: [],
    services: [],
    engagements: [],
    purchases: [],
  },
});

/**
 * Every parser on one input: none may throw. No time bound per input: a run on a busy
 * machine says nothing about the code. A parser that hangs (a regex that backtracks
 * without end) still fails, by the test's own timeout; speed is `npm run bench`'s.
 */
function readEverything(bytes: Uint8Array) {
  const { text } = decodeText(bytes);
  const table = readCsv(text);
  if (table.ok) {
    const { header, rows } = table.value;
    draftsFromRows(header, rows, suggestMapping(header), 'customer');
  }
  readVcards(text, 'customer');
  const backup = readBackup(text);
  if (backup.ok)
    for (const [store, records] of Object.entries(backup.value.stores))
      parseBackupRecords(store as 'parties', records);
}

/** A sample with bytes cut, flipped, repeated or inserted. */
const mutated = fc
  .tuple(
    fc.constantFrom(...samples, new TextEncoder().encode(backupSample)),
    fc.array(
      fc.record({
        at: fc.nat(),
        op: fc.constantFrom('cut', 'flip', 'insert', 'repeat', 'truncate'),
        byte: fc.integer({ min: 0, max: 255 }),
        length: fc.integer({ min: 1, max: 64 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([sample, edits]) => {
    let bytes = [...sample];
    for (const { at, op, byte, length } of edits) {
      const i = bytes.length ? at % bytes.length : 0;
      if (op === 'cut') bytes.splice(i, length);
      else if (op === 'flip') bytes[i] = byte;
      else if (op === 'insert') bytes.splice(i, 0, ...Array<number>(length).fill(byte));
      else if (op === 'repeat') bytes.splice(i, 0, ...bytes.slice(i, i + length * 8));
      else bytes = bytes.slice(0, i);
    }
    return new Uint8Array(bytes);
  });

describe('every parser on hostile input', { timeout: 120_000 }, () => {
  it('survives mutated fixtures without an exception', () => {
    fc.assert(
      fc.property(mutated, (bytes) => void readEverything(bytes)),
      { numRuns: 400 },
    );
  });

  // A whole file refused (no text, no card in it) names no line; every card or row does.
  const WHOLE_FILE = new Set([
    'import_file_empty',
    'import_vcard_not_text',
    'import_vcard_no_cards',
  ]);
  it('points every problem with a card or a row at a line the file has', () => {
    fc.assert(
      fc.property(mutated, (bytes) => {
        const { text } = decodeText(bytes);
        // CR CR LF is one break to the readers, two here: this is an upper bound.
        const lines = text.split(/\r\n|\r|\n/).length;
        const problems = [...readVcards(text, 'customer').problems];
        const table = readCsv(text);
        if (table.ok) {
          const { header, rows } = table.value;
          problems.push(
            ...draftsFromRows(header, rows, suggestMapping(header), 'customer').problems,
          );
        }
        for (const problem of problems) {
          if (WHOLE_FILE.has(problem.message.code)) continue;
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('survives random bytes and random text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => void readEverything(bytes)),
      {
        numRuns: 300,
      },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 2000 }),
        (text) => void readEverything(new TextEncoder().encode(text)),
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'BEGIN:VCARD',
            'END:VCARD',
            'FN:x',
            'EMAIL:a@b.example',
            ' folded',
            'N:;;',
            '"',
            ',',
            ';',
            '\r\n',
            '\n',
            'a',
          ),
          { maxLength: 60 },
        ),
        (parts) => void readEverything(new TextEncoder().encode(parts.join(''))),
      ),
      { numRuns: 300 },
    );
  });

  it('reads a 5 MB line and an empty file', () => {
    const huge = `Name,Notes\nAda,${'x'.repeat(5_000_000)}\n`;
    expect(() => readEverything(new TextEncoder().encode(huge))).not.toThrow();
    expect(() => readEverything(new Uint8Array())).not.toThrow();
  });
});
