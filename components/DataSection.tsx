// One self-contained section of the options page ("Your data"): backup, restore,
// import and export. It is longer than most components because each flow (pick,
// preview, progress, result) is small but there are several; the parsing and the
// messaging live in lib/transfer, so what is here is state and markup.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RelationshipKind } from '../lib/domain/relationship';
import { sendMessage } from '../lib/platform/messaging';
import { recordBackup } from '../lib/platform/storage-care';
import { BACKUP_STORES, readBackup, type BackupFile } from '../lib/transfer/backup-format';
import {
  CSV_FIELD_LABELS,
  CSV_FIELDS,
  LAYOUT_NAMES,
  type CsvField,
} from '../lib/transfer/csv-layouts';
import { interactionsToCsv, partiesToCsv } from '../lib/transfer/csv-write';
import { calendarFor } from '../lib/transfer/ics-write';
import { draftsOf, readImportFile, type ImportSource } from '../lib/transfer/prepare-import';
import { describeProblem, type ImportProblem } from '../lib/transfer/problems';
import {
  exportBackup,
  importRows,
  messageOf,
  precheckRows,
  readForExport,
  restoreBackup,
  type ImportResult,
  type Precheck,
  type Progress,
  type Transport,
} from '../lib/transfer/transfer-client';
import { partiesToVcards, type VcardVersion } from '../lib/transfer/vcard-write';
import './data.css';

export interface DataSectionProps {
  /** How to reach the background; the extension's messaging unless a test passes its own. */
  transport?: Transport;
  /** How to hand a file to the user; a download unless a test passes its own. */
  save?: (fileName: string, text: string, type: string) => void;
  now?: () => Date;
}

const KINDS: RelationshipKind[] = ['prospect', 'customer', 'client', 'former'];
const number = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many: string) => `${number(n)} ${n === 1 ? one : many}`;

/** Backup, restore, import and export, with no props needed. */
export function DataSection({
  transport = sendMessage,
  save = downloadFile,
  now = () => new Date(),
}: DataSectionProps) {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (label: string, work: () => Promise<string>) => {
    setBusy(label);
    setStatus(null);
    try {
      setStatus({ text: await work() });
    } catch (error) {
      setStatus({ text: messageOf(error), error: true });
    } finally {
      setBusy(null);
    }
  };

  const day = () => now().toISOString().slice(0, 10);
  const backUp = () =>
    run('Backing up…', async () => {
      const text = await exportBackup(transport, now(), ({ done, total }) =>
        setBusy(`Backing up… ${number(done)} of ${number(total)} records`),
      );
      save(`clientele-backup-${day()}.json`, text, 'application/json');
      await recordBackup(now().getTime());
      return 'Backup saved. Keep it somewhere safe: it holds your whole book.';
    });
  const exportParties = (format: 'csv' | VcardVersion) =>
    run('Exporting…', async () => {
      const { parties } = await readForExport(transport, ['parties']);
      if (format === 'csv')
        save(`clientele-contacts-${day()}.csv`, partiesToCsv(parties), 'text/csv');
      else save(`clientele-contacts-${day()}.vcf`, partiesToVcards(parties, format), 'text/vcard');
      return `Exported ${plural(parties.length, 'contact', 'contacts')}.`;
    });
  const exportInteractions = () =>
    run('Exporting…', async () => {
      const { parties, interactions } = await readForExport(transport, ['parties', 'interactions']);
      const byId = new Map(parties.map((p) => [p.id, p]));
      save(
        `clientele-interactions-${day()}.csv`,
        interactionsToCsv(interactions, (id) => byId.get(id)),
        'text/csv',
      );
      return `Exported ${plural(interactions.length, 'interaction', 'interactions')}.`;
    });
  const exportCalendar = () =>
    run('Exporting…', async () => {
      const { parties, followUps } = await readForExport(transport, ['parties', 'followUps']);
      const text = calendarFor({ parties, followUps, now: now().getTime() });
      save(`clientele-calendar-${day()}.ics`, text, 'text/calendar');
      const events = (text.match(/BEGIN:VEVENT/g) ?? []).length;
      return `Exported ${plural(events, 'date', 'dates')} (follow-ups and check-ins) as a calendar.`;
    });

  return (
    <section
      class="options-section data-section"
      data-testid="data-section"
      aria-labelledby="data-section-heading"
    >
      <h2 id="data-section-heading">Your data</h2>
      <p class="muted">
        Everything stays on this computer. Back up now and then; a backup restores your whole book.
      </p>

      <div class="data-group">
        <h3>Back up and restore</h3>
        <button
          type="button"
          data-testid="backup-export"
          disabled={busy !== null}
          onClick={() => void backUp()}
        >
          Back up (download JSON)
        </button>
        <RestorePicker
          transport={transport}
          disabled={busy !== null}
          onDone={(text, error) => setStatus({ text, error })}
        />
      </div>

      <ImportFlow transport={transport} />

      <div class="data-group">
        <h3>Export</h3>
        <div class="data-buttons">
          <button
            type="button"
            data-testid="export-csv"
            disabled={busy !== null}
            onClick={() => void exportParties('csv')}
          >
            Contacts (CSV)
          </button>
          <button
            type="button"
            data-testid="export-interactions"
            disabled={busy !== null}
            onClick={() => void exportInteractions()}
          >
            Interactions (CSV)
          </button>
          <button
            type="button"
            data-testid="export-vcard"
            disabled={busy !== null}
            onClick={() => void exportParties('4.0')}
          >
            Contacts (vCard 4.0)
          </button>
          <button
            type="button"
            data-testid="export-vcard3"
            disabled={busy !== null}
            onClick={() => void exportParties('3.0')}
          >
            vCard 3.0 (older address books)
          </button>
          <button
            type="button"
            data-testid="export-ics"
            disabled={busy !== null}
            onClick={() => void exportCalendar()}
          >
            Follow-ups and check-ins (.ics)
          </button>
        </div>
      </div>

      <p class="data-status" role="status" aria-live="polite" data-testid="data-status">
        {busy ?? (status && !status.error ? status.text : '')}
      </p>
      {status?.error && (
        <p class="error" role="alert" data-testid="data-error">
          {status.text}
        </p>
      )}
    </section>
  );
}

function RestorePicker({
  transport,
  disabled,
  onDone,
}: {
  transport: Transport;
  disabled: boolean;
  onDone: (text: string, error?: boolean) => void;
}) {
  const [file, setFile] = useState<BackupFile | null>(null);
  const [mode, setMode] = useState<'empty' | 'merge'>('merge');
  const [progress, setProgress] = useState<Progress | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    const read = readBackup(await picked.text());
    if (!read.ok) {
      setFile(null);
      onDone(`${describeProblem(read.error)} Nothing was restored.`, true);
      return;
    }
    setFile(read.value);
  };
  const restore = async () => {
    if (!file) return;
    setProgress({ done: 0, total: 1 });
    try {
      const { outcome } = await restoreBackup(transport, file, mode, setProgress);
      const parts = BACKUP_STORES.filter(
        (s) => outcome[s] && (outcome[s].added || outcome[s].merged),
      ).map(
        (s) =>
          `${STORE_NAMES[s]}: ${number(outcome[s].added)} added${outcome[s].merged ? `, ${number(outcome[s].merged)} merged` : ''}`,
      );
      onDone(`Restored. ${parts.join(' · ') || 'Nothing new was in the backup.'}`);
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (error) {
      onDone(messageOf(error), true);
    } finally {
      setProgress(null);
    }
  };

  return (
    <div class="restore">
      <label class="file-label">
        Restore from a backup
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          data-testid="backup-restore"
          disabled={disabled || progress !== null}
          onChange={(event) => void pick(event.currentTarget.files?.[0])}
        />
      </label>
      {file && (
        <div class="restore-choice" data-testid="restore-choice">
          <p>
            Backup of {new Date(file.exportedAt).toLocaleString()}:{' '}
            {plural(file.stores.parties.length, 'contact', 'contacts')},{' '}
            {plural(file.stores.interactions.length, 'interaction', 'interactions')}.
          </p>
          <fieldset>
            <legend>Restore</legend>
            <label>
              <input
                type="radio"
                name="restore-mode"
                value="merge"
                data-testid="restore-merge"
                checked={mode === 'merge'}
                onChange={() => setMode('merge')}
              />
              merge into my book (the same email or phone is the same person; nothing is lost)
            </label>
            <label>
              <input
                type="radio"
                name="restore-mode"
                value="empty"
                data-testid="restore-empty"
                checked={mode === 'empty'}
                onChange={() => setMode('empty')}
              />
              into an empty book, exactly as it was
            </label>
          </fieldset>
          <button
            type="button"
            data-testid="restore-confirm"
            disabled={progress !== null}
            onClick={() => void restore()}
          >
            Restore
          </button>
          {progress && (
            <progress value={progress.done} max={progress.total} aria-label="Restore progress" />
          )}
        </div>
      )}
    </div>
  );
}

const STORE_NAMES: Record<string, string> = {
  parties: 'contacts',
  interactions: 'interactions',
  followUps: 'follow-ups',
  services: 'services',
  engagements: 'engagements',
  purchases: 'purchases',
};

type Stage =
  | { step: 'idle' }
  | { step: 'preview'; source: ImportSource; fileName: string }
  | { step: 'importing'; progress: Progress }
  | { step: 'done'; result: ImportResult; notImported: ImportProblem[] };

function ImportFlow({ transport }: { transport: Transport }) {
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<RelationshipKind>('customer');
  const [mapping, setMapping] = useState<CsvField[]>([]);
  const [precheck, setPrecheck] = useState<Precheck | null>(null);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const source = stage.step === 'preview' ? stage.source : null;
  const read = useMemo(
    () => (source ? draftsOf(source, kind, mapping) : null),
    [source, kind, mapping],
  );

  useEffect(() => {
    if (!read) return;
    let current = true;
    setPrecheck(null);
    void precheckRows(transport, read.drafts)
      .then((checked) => current && setPrecheck(checked))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [read, transport]);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    const prepared = readImportFile(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!prepared.ok) {
      setStage({ step: 'idle' });
      setError(`${describeProblem(prepared.error)} Nothing was imported.`);
      return;
    }
    setMapping(prepared.value.format === 'csv' ? prepared.value.mapping : []);
    setStage({ step: 'preview', source: prepared.value, fileName: file.name });
  };

  const start = async () => {
    if (!read) return;
    const notImported = read.problems.filter((p) => p.severity === 'error');
    const controller = new AbortController();
    abort.current = controller;
    setStage({ step: 'importing', progress: { done: 0, total: read.drafts.length } });
    try {
      const result = await importRows(transport, read.drafts, {
        signal: controller.signal,
        onProgress: (progress) => setStage({ step: 'importing', progress }),
      });
      setStage({ step: 'done', result, notImported });
    } catch (failure) {
      setStage({ step: 'idle' });
      setError(`${messageOf(failure)} Rows sent before this are kept; the rest were not imported.`);
    } finally {
      abort.current = null;
      if (input.current) input.current.value = '';
    }
  };

  const errors = read?.problems.filter((p) => p.severity === 'error') ?? [];
  const warnings = [
    ...(read?.problems.filter((p) => p.severity === 'warning') ?? []),
    ...(precheck?.phoneWarnings ?? []),
  ];

  return (
    <div class="data-group">
      <h3>Import contacts</h3>
      <label class="file-label">
        CSV (Google Contacts, Outlook or any spreadsheet) or vCard (.vcf)
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,.vcf,.vcard,text/csv,text/vcard"
          data-testid="import-file"
          disabled={stage.step === 'importing'}
          onChange={(event) => void pick(event.currentTarget.files?.[0])}
        />
      </label>
      {error && (
        <p class="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}

      {stage.step === 'preview' && read && (
        <div class="import-preview" data-testid="import-preview">
          <p>
            {stage.fileName}: read as{' '}
            {stage.source.format === 'csv' ? LAYOUT_NAMES[stage.source.layout] : 'vCard'} (
            {stage.source.encoding}
            {stage.source.format === 'csv'
              ? `, ${delimiterName(stage.source.table.delimiter)}`
              : ''}
            ).
          </p>
          <label>
            Import as{' '}
            <select
              data-testid="import-kind"
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as RelationshipKind)}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>{' '}
            <span class="muted">(unless the file says otherwise)</span>
          </label>
          {stage.source.format === 'csv' && (
            <MappingTable source={stage.source} mapping={mapping} onChange={setMapping} />
          )}
          <DraftPreview drafts={read.drafts.slice(0, 5).map((d) => d.value)} />
          <p data-testid="import-summary">
            {plural(read.drafts.length, 'contact', 'contacts')} will be imported
            {precheck && precheck.matches > 0
              ? ` (${number(precheck.matches)} already in your book will be merged)`
              : ''}
            {errors.length > 0
              ? ` · ${plural(errors.length, 'row', 'rows')} will not (listed below)`
              : ''}
            .
          </p>
          <ProblemList title="Will not be imported" problems={errors} testid="import-errors" />
          <ProblemList
            title="Imported with a change"
            problems={warnings}
            testid="import-warnings"
          />
          <div class="data-buttons">
            <button
              type="button"
              data-testid="import-confirm"
              disabled={read.drafts.length === 0}
              onClick={() => void start()}
            >
              Import {plural(read.drafts.length, 'contact', 'contacts')}
            </button>
            <button type="button" onClick={() => setStage({ step: 'idle' })}>
              Choose another file
            </button>
          </div>
        </div>
      )}

      {stage.step === 'importing' && (
        <div class="import-progress">
          <progress
            data-testid="import-progress"
            value={stage.progress.done}
            max={stage.progress.total}
            aria-label="Import progress"
          />
          <span>
            {number(stage.progress.done)} of {number(stage.progress.total)}
          </span>
          <button type="button" data-testid="import-cancel" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </div>
      )}

      {stage.step === 'done' && (
        <ImportSummary result={stage.result} notImported={stage.notImported} />
      )}
    </div>
  );
}

function MappingTable({
  source,
  mapping,
  onChange,
}: {
  source: Extract<ImportSource, { format: 'csv' }>;
  mapping: CsvField[];
  onChange: (m: CsvField[]) => void;
}) {
  const sample = source.table.rows.slice(0, 3);
  return (
    <table class="mapping" data-testid="import-mapping">
      <caption>Columns — change what a column holds if the guess is wrong</caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Holds</th>
          <th scope="col">First rows</th>
        </tr>
      </thead>
      <tbody>
        {source.table.header.map((name, column) => (
          <tr key={column}>
            <th scope="row">{name || `Column ${column + 1}`}</th>
            <td>
              <select
                aria-label={`What “${name}” holds`}
                data-testid={`mapping-${column}`}
                value={mapping[column] ?? 'extra'}
                onChange={(event) => {
                  const next = [...mapping];
                  next[column] = event.currentTarget.value as CsvField;
                  onChange(next);
                }}
              >
                {CSV_FIELDS.map((field) => (
                  <option key={field} value={field}>
                    {CSV_FIELD_LABELS[field]}
                  </option>
                ))}
              </select>
            </td>
            <td class="sample">
              {sample
                .map((row) => row.value[column] ?? '')
                .filter(Boolean)
                .join(' · ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DraftPreview({
  drafts,
}: {
  drafts: {
    name: string;
    emails?: string[];
    phones?: string[];
    organizationName?: string;
    kind: string;
  }[];
}) {
  if (drafts.length === 0) return <p class="empty">No contact in this file can be imported.</p>;
  return (
    <table class="draft-preview">
      <caption>The first contacts, as they will be saved</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Phone</th>
          <th scope="col">Organization</th>
          <th scope="col">As</th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((draft, i) => (
          <tr key={i}>
            <td>{draft.name}</td>
            <td>{(draft.emails ?? []).join(', ')}</td>
            <td>{(draft.phones ?? []).join(', ')}</td>
            <td>{draft.organizationName ?? ''}</td>
            <td>{draft.kind}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SHOWN = 50;

function ProblemList({
  title,
  problems,
  testid,
}: {
  title: string;
  problems: { line?: number; path?: string; message: string }[];
  testid: string;
}) {
  if (problems.length === 0) return null;
  return (
    <details class="problems" data-testid={testid} open={problems.length <= 10}>
      <summary>
        {title} ({number(problems.length)})
      </summary>
      <ul>
        {problems.slice(0, SHOWN).map((problem, i) => (
          <li key={i}>{describeProblem({ severity: 'error', ...problem })}</li>
        ))}
      </ul>
      {problems.length > SHOWN && <p class="muted">…and {number(problems.length - SHOWN)} more.</p>}
    </details>
  );
}

function ImportSummary({
  result,
  notImported,
}: {
  result: ImportResult;
  notImported: ImportProblem[];
}) {
  const skipped = [
    ...notImported,
    ...result.skipped.map((s) => ({ ...s, severity: 'error' as const })),
  ];
  return (
    <div data-testid="import-result" class="import-result" role="status">
      <p>
        {result.cancelled ? 'Import cancelled. ' : ''}Imported {number(result.added)} · merged{' '}
        {number(result.merged)} · skipped {number(skipped.length)}
        {skipped.length > 0 ? ' (see list)' : ''}
        {result.cancelled ? '. Rows after the cancel were not imported.' : '.'}
      </p>
      <ProblemList title="Skipped" problems={skipped} testid="import-skipped" />
      <ProblemList
        title="Imported with a change"
        problems={result.adjusted}
        testid="import-adjusted"
      />
    </div>
  );
}

function delimiterName(delimiter: string): string {
  return delimiter === ';' ? 'semicolons' : delimiter === '\t' ? 'tabs' : 'commas';
}

/** Hands text to the user as a file: a Blob URL on a temporary <a download>. */
export function downloadFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download has its data.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
