import { describe, expect, it } from 'vitest';
import { ImportReader, ReadingStopped, type WorkerLike } from './import-reader-client';
import { serveImportReading, type ReaderPort } from './import-reader-serve';
import type { ToReader } from './import-worker-protocol';
import { noteTemplates } from './note-words';
import { say } from '../ui/ui-text';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A worker in memory: messages cloned and delivered later, as a real one does. */
function inMemoryWorker() {
  const sent: ToReader['type'][] = [];
  let terminated = false;
  const port: ReaderPort = {
    onmessage: null,
    postMessage: (message) =>
      setTimeout(() => !terminated && listener?.({ data: structuredClone(message) })),
  };
  let listener: ((event: { data: unknown }) => void) | undefined;
  const worker: WorkerLike = {
    addEventListener: (_, heard) => (listener = heard),
    postMessage: (message) => {
      sent.push((message as ToReader).type);
      setTimeout(() => !terminated && port.onmessage?.({ data: structuredClone(message) }));
    },
    terminate: () => (terminated = true),
  };
  serveImportReading(port);
  return { worker, sent, isTerminated: () => terminated };
}

/** A worker that answers with whatever the test gives it. */
function scriptedWorker(answers: unknown[]): WorkerLike {
  let listener: ((event: { data: unknown }) => void) | undefined;
  const worker: WorkerLike = {
    addEventListener: (_, heard) => (listener = heard),
    postMessage: () => {
      for (const data of answers) setTimeout(() => listener?.({ data }));
    },
    terminate: () => undefined,
  };
  return worker;
}

const cards = Array.from(
  { length: 1200 },
  (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nEMAIL:p${i}@example.com\r\nEND:VCARD`,
).join('\r\n');

describe('reading an import file in a worker', () => {
  it('reads cards once, with progress, and answers each relationship from what it read', async () => {
    const { worker, sent } = inMemoryWorker();
    const progress: [number, number][] = [];
    const reader = new ImportReader(worker, (done, total) => progress.push([done, total]));
    const opened = await reader.open(bytes(cards), 'book.vcf');
    expect(opened).toEqual({
      ok: true,
      value: { format: 'vcard', encoding: 'utf-8', guessed: false },
    });
    expect(progress.at(-1)).toEqual([1200, 1200]);
    expect(progress.length).toBeGreaterThan(2);
    const asClients = await reader.drafts('client');
    expect(asClients.drafts).toHaveLength(1200);
    expect(asClients.drafts[1199]).toMatchObject({
      line: 5 * 1199 + 1,
      value: { name: 'Person 1199', kind: 'client' },
    });
    const asProspects = await reader.drafts('prospect');
    expect(asProspects.drafts.every((row) => row.value.kind === 'prospect')).toBe(true);
    expect(sent).toEqual(['read', 'drafts', 'drafts']);
  });

  it('maps CSV columns anew without reading the file again, with samples for the mapping table', async () => {
    const { worker, sent } = inMemoryWorker();
    const reader = new ImportReader(worker);
    const csv = [
      'Name,E-mail Address,Company',
      ...Array.from({ length: 10 }, (_, i) => `P ${i},p${i}@example.com,Org ${i}`),
    ].join('\n');
    const opened = await reader.open(bytes(csv), 'book.csv');
    if (!opened.ok || opened.value.format !== 'csv') throw new Error('not read as CSV');
    expect(opened.value.table.rows).toHaveLength(3);
    expect(opened.value.mapping).toEqual(['name', 'email', 'organization']);
    const mapped = await reader.drafts('customer', ['name', 'email', 'notes']);
    expect(mapped.drafts[0]!.value).toMatchObject({ name: 'P 0', emails: ['p0@example.com'] });
    expect(mapped.drafts[0]!.value.organizationName).toBeUndefined();
    expect(sent).toEqual(['read', 'drafts']);
  });

  it("words a card line it cannot read in the page's language, in the worker", async () => {
    // German, as a page under `--lang=de` would word it; the worker has no catalogue.
    const german = (key: string, line: string) =>
      key === 'text_import_cardLineNote' ? `Nicht gelesene Kartenzeile: ${line}` : key;
    const reader = new ImportReader(inMemoryWorker().worker, undefined, noteTemplates(german));
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nno colon here\r\nEND:VCARD\r\n';
    await reader.open(bytes(card), 'ada.vcf');
    const read = await reader.drafts('client');
    expect(read.drafts[0]!.value.notes).toBe('Nicht gelesene Kartenzeile: no colon here');
    // Without words (no page to ask), the line is kept as it was, never in English.
    const bare = new ImportReader(inMemoryWorker().worker);
    await bare.open(bytes(card), 'ada.vcf');
    expect((await bare.drafts('client')).drafts[0]!.value.notes).toBe('no colon here');
  });

  it('says in a sentence why a file cannot be read', async () => {
    const reader = new ImportReader(inMemoryWorker().worker);
    const opened = await reader.open(bytes('x,y\n1,2\n'), 'numbers.csv');
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(say(opened.error.message)).toMatch(/not a contacts file/);
  });

  it('stops on cancel: the worker ends and the wait fails as stopped, not as an error', async () => {
    const { worker, isTerminated } = inMemoryWorker();
    const reader = new ImportReader(worker);
    const opening = reader.open(bytes(cards), 'book.vcf');
    reader.stop();
    await expect(opening).rejects.toBeInstanceOf(ReadingStopped);
    expect(isTerminated()).toBe(true);
  });

  it('checks what the worker sends: foreign messages are ignored, a bad draft is listed by its line', async () => {
    const answers: unknown[] = [
      { type: 'drafts', request: 1, rows: 'not rows', problems: [], last: true },
      { type: 'opened', view: { format: 'html', body: '<img onerror>' } },
      {
        type: 'drafts',
        request: 1,
        rows: [
          { line: 1, value: { name: 'Ada', kind: 'client', emails: ['ada@example.com'] } },
          { line: 7, value: { name: '', kind: 'client' } },
          { line: 9, value: { name: 'Eve', kind: 'overlord' } },
        ],
        problems: [
          { severity: 'warning', message: { code: 'import_not_read', params: {} }, line: 3 },
        ],
        last: true,
      },
    ];
    const reader = new ImportReader(scriptedWorker(answers));
    const read = await reader.drafts('client');
    expect(read.drafts.map((row) => row.value.name)).toEqual(['Ada']);
    expect(read.problems.map((p) => [p.line, p.severity])).toEqual([
      [3, 'warning'],
      [7, 'error'],
      [9, 'error'],
    ]);
  });
});
