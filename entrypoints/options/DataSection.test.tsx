import { readFileSync } from 'node:fs';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../background/handlers';
import { DEFAULT_CADENCE } from '../../lib/domain/cadence';
import { createDbOpener } from '../../lib/db/open';
import { dispatch } from '../../lib/protocol/listener';
import { serveImportReading, type ReaderPort } from '../../lib/transfer/import-reader-serve';
import type { Transport } from '../../lib/transfer/transfer-client';
import { DataSection } from './DataSection';

/**
 * The page reads import files in a dedicated worker; the unit DOM has no workers, so
 * the same reader serves in memory, messages cloned and delivered later as a worker's.
 */
class InMemoryWorker {
  private listener?: (event: { data: unknown }) => void;
  private stopped = false;
  private readonly port: ReaderPort = {
    onmessage: null,
    postMessage: (message) =>
      setTimeout(() => !this.stopped && this.listener?.({ data: structuredClone(message) })),
  };
  constructor() {
    serveImportReading(this.port);
  }
  addEventListener(_type: 'message', heard: (event: { data: unknown }) => void) {
    this.listener = heard;
  }
  postMessage(message: unknown) {
    setTimeout(() => !this.stopped && this.port.onmessage?.({ data: structuredClone(message) }));
  }
  terminate() {
    this.stopped = true;
  }
}
beforeAll(() => vi.stubGlobal('Worker', InMemoryWorker));

const identity = { id: 'ext', origin: 'chrome-extension://ext/' };
const sender = { id: 'ext', url: 'chrome-extension://ext/options.html' };

/** The real handlers over a fresh fake-indexeddb book, reached as the page would reach them. */
function realTransport(hold?: (name: string) => Promise<void>) {
  const handlers = createHandlers({
    repo: {
      getDb: createDbOpener(`data-section-${crypto.randomUUID()}`),
      clock: () => Date.UTC(2026, 10, 23),
      settings: () =>
        Promise.resolve({
          region: 'US',
          cadence: DEFAULT_CADENCE,
          neverCapture: [],
          highlightOnSites: false,
          kindColours: false,
        }),
    },
    findings: { save: () => Promise.resolve(), read: () => Promise.resolve(undefined) },
    scanTab: () => Promise.resolve(undefined),
    badge: () => Promise.resolve(),
  });
  const transport = (async (name: string, request: unknown) => {
    await hold?.(name);
    const reply = await dispatch(handlers, identity, name, request, sender);
    return reply.ok ? { ok: true, value: reply.value } : reply;
  }) as Transport;
  return transport;
}

function pickFile(testid: string, name: string, content: BlobPart) {
  const input = screen.getByTestId(testid);
  fireEvent.change(input, { target: { files: [new File([content], name)] } });
}

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/transfer/${name}`));

describe('DataSection', () => {
  it('previews a Google CSV, lists what will not be imported by line, then imports it', async () => {
    render(<DataSection transport={realTransport()} save={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Your data' })).toBeTruthy();
    pickFile('import-file', 'google.csv', fixture('google.csv'));
    const preview = await screen.findByTestId('import-preview');
    expect(preview.textContent).toContain('read as Google Contacts');
    expect(screen.getByTestId('import-summary').textContent).toBe(
      '4 contacts will be imported · 2 rows will not (listed below).',
    );
    expect(screen.getByTestId('import-errors').textContent).toContain(
      'Line 7: “not-an-address” is not an email address.',
    );
    fireEvent.click(screen.getByTestId('import-confirm'));
    const result = await screen.findByTestId('import-result');
    expect(result.textContent).toContain('Imported 4 · merged 0 · skipped 2 (see list).');
  });

  it('lets the user change a column’s meaning and shows the effect before importing', async () => {
    render(<DataSection transport={realTransport()} save={vi.fn()} />);
    pickFile('import-file', 'people.csv', 'Who,Mail\nAda Lovelace,ada@example.com\n');
    await screen.findByTestId('import-preview');
    // "Who" was not recognised: it is kept in the notes, and the address stands in for the name.
    expect(screen.getByTestId('import-preview').textContent).toContain('ada@example.com');
    fireEvent.change(screen.getByTestId('mapping-0'), { target: { value: 'name' } });
    await waitFor(() =>
      expect(screen.getByTestId('import-preview').textContent).toContain('Ada Lovelace'),
    );
  });

  it('merges a second import of the same people and says so', async () => {
    const transport = realTransport();
    render(<DataSection transport={transport} save={vi.fn()} />);
    for (const round of [1, 2]) {
      pickFile('import-file', 'contacts.vcf', fixture('contacts.vcf'));
      await screen.findByTestId('import-preview');
      if (round === 2)
        await waitFor(() =>
          expect(screen.getByTestId('import-summary').textContent).toContain(
            '3 already in your book will be merged',
          ),
        );
      fireEvent.click(screen.getByTestId('import-confirm'));
      const result = await screen.findByTestId('import-result');
      expect(result.textContent).toContain(
        // “Broken Email” comes in with its unreadable address kept as a warning; with no
        // address or phone to match it by, the second import adds it again.
        round === 1 ? 'Imported 4 · merged 0' : 'Imported 1 · merged 3',
      );
    }
  });

  it('cancels between chunks, keeping what was acknowledged', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const transport = realTransport((name) =>
      name === 'transfer/importChunk' ? gate : Promise.resolve(),
    );
    render(<DataSection transport={transport} save={vi.fn()} />);
    const rows = Array.from({ length: 2500 }, (_, i) => `Person ${i},p${i}@example.com`).join('\n');
    pickFile('import-file', 'many.csv', `Name,Email\n${rows}\n`);
    await screen.findByTestId('import-preview');
    fireEvent.click(screen.getByTestId('import-confirm'));
    await screen.findByTestId('import-progress');
    fireEvent.click(screen.getByTestId('import-cancel'));
    release();
    const result = await screen.findByTestId('import-result', {}, { timeout: 20_000 });
    expect(result.textContent).toContain('Import cancelled. Imported 1,000 · merged 0');
  }, 30_000);

  it('backs up, refuses to restore into a book that is not empty, and merges instead', async () => {
    const save = vi.fn();
    render(
      <DataSection
        transport={realTransport()}
        save={save}
        now={() => new Date('2026-11-23T10:00:00Z')}
      />,
    );
    pickFile('import-file', 'contacts.vcf', fixture('contacts.vcf'));
    await screen.findByTestId('import-preview');
    fireEvent.click(screen.getByTestId('import-confirm'));
    await screen.findByTestId('import-result');

    fireEvent.click(screen.getByTestId('backup-export'));
    await waitFor(() => expect(save).toHaveBeenCalled());
    const [fileName, text] = save.mock.calls[0] as [string, string];
    expect(fileName).toBe('clientele-backup-2026-11-23.json');
    expect(JSON.parse(text)).toMatchObject({ format: 'clientele-backup', version: 1 });

    pickFile('backup-restore', fileName, text);
    await screen.findByTestId('restore-choice');
    fireEvent.click(screen.getByTestId('restore-empty'));
    fireEvent.click(screen.getByTestId('restore-confirm'));
    expect((await screen.findByTestId('data-error')).textContent).toContain(
      'Your book is not empty',
    );
    fireEvent.click(screen.getByTestId('restore-merge'));
    fireEvent.click(screen.getByTestId('restore-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('data-status').textContent).toContain(
        'contacts: 0 added, 4 merged',
      ),
    );
  });

  it('names the problem in a file that is not a backup, and restores nothing', async () => {
    render(<DataSection transport={realTransport()} save={vi.fn()} />);
    pickFile('backup-restore', 'notes.json', '{"format":"clientele-backup","version":1,');
    expect((await screen.findByTestId('data-error')).textContent).toContain('the JSON is broken');
    pickFile('import-file', 'photo.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    expect((await screen.findByTestId('import-error')).textContent).toContain('not text');
  });

  it('exports contacts as CSV with formulas neutralised, as vCard, and follow-ups as a calendar', async () => {
    const save = vi.fn();
    render(<DataSection transport={realTransport()} save={save} />);
    pickFile(
      'import-file',
      'x.csv',
      'Name,Email,Phone\n=HYPERLINK("x"),a@example.com,+1 212 555 0100\n',
    );
    await screen.findByTestId('import-preview');
    fireEvent.click(screen.getByTestId('import-confirm'));
    await screen.findByTestId('import-result');
    fireEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const csv = save.mock.calls[0]?.[1] as string;
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("'+12125550100");
    await waitFor(() =>
      expect(screen.getByTestId<HTMLButtonElement>('export-vcard').disabled).toBe(false),
    );
    fireEvent.click(screen.getByTestId('export-vcard'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.calls[1]?.[1]).toContain('FN:=HYPERLINK("x")');
    await waitFor(() =>
      expect(screen.getByTestId<HTMLButtonElement>('export-ics').disabled).toBe(false),
    );
    fireEvent.click(screen.getByTestId('export-ics'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(3));
    expect(save.mock.calls[2]?.[1]).toContain('BEGIN:VCALENDAR');
  });
});
