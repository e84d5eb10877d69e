// Import: pick a CSV or vCard file, read it in a worker with progress, map columns,
// preview, import with progress, summary.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/platform/i18n';
import type { RelationshipKind } from '../../../lib/domain/relationship';
import { LAYOUT_NAMES, type CsvField } from '../../../lib/transfer/csv-layouts';
import type { DraftsFromRows } from '../../../lib/transfer/csv-rows';
import { ReadingStopped } from '../../../lib/transfer/import-reader-client';
import type { SourceView } from '../../../lib/transfer/import-worker-protocol';
import { describeProblem, type ImportProblem } from '../../../lib/transfer/problems';
import {
  importRows,
  messageOf,
  precheckRows,
  type ImportResult,
  type Precheck,
  type Progress,
  type Transport,
} from '../../../lib/transfer/transfer-client';
import { KINDS, number, plural } from './format';
import { DraftPreview, ImportSummary, MappingTable, ProblemList } from './ImportParts';
import { useImportReader } from './use-import-reader';

type Stage =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'preview'; source: SourceView; fileName: string }
  | { step: 'importing'; progress: Progress }
  | { step: 'done'; result: ImportResult; notImported: ImportProblem[] };

export function ImportFlow({ transport }: { transport: Transport }) {
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<RelationshipKind>('customer');
  const [mapping, setMapping] = useState<CsvField[]>([]);
  const [precheck, setPrecheck] = useState<Precheck | null>(null);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const reader = useImportReader();
  const draftsFor = reader.drafts; // stable: the effect below runs on a choice, not a render
  const [read, setRead] = useState<DraftsFromRows | null>(null);

  const source = stage.step === 'preview' ? stage.source : null;
  // Each choice is answered by the worker from the file it read: never read again here.
  useEffect(() => {
    setRead(null);
    if (!source) return;
    let current = true;
    draftsFor(kind, source.format === 'csv' ? mapping : undefined)
      .then((drafts) => current && setRead(drafts))
      .catch((failure: unknown) => {
        if (current && !(failure instanceof ReadingStopped)) setError(messageOf(failure));
      });
    return () => {
      current = false;
    };
  }, [source, kind, mapping, draftsFor]);

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
    setStage({ step: 'reading', fileName: file.name });
    let prepared;
    try {
      prepared = await reader.open(file);
    } catch (failure) {
      setStage({ step: 'idle' });
      setError(`${messageOf(failure)} Nothing was imported.`);
      return;
    }
    if (!prepared) return; // stopped: cancelReading said so
    if (!prepared.ok) {
      setStage({ step: 'idle' });
      setError(`${describeProblem(prepared.error)} Nothing was imported.`);
      return;
    }
    setMapping(prepared.value.format === 'csv' ? prepared.value.mapping : []);
    setStage({ step: 'preview', source: prepared.value, fileName: file.name });
  };

  const cancelReading = () => {
    reader.stop();
    setStage({ step: 'idle' });
    setError(t('files_reading_stopped'));
    if (input.current) input.current.value = '';
  };

  const start = async () => {
    if (!read || stage.step !== 'preview') return;
    const { fileName } = stage;
    // The drafts are on the page now: the worker and the file it holds can go.
    reader.stop();
    const notImported = read.problems.filter((p) => p.severity === 'error');
    const controller = new AbortController();
    abort.current = controller;
    setStage({ step: 'importing', progress: { done: 0, total: read.drafts.length } });
    try {
      const result = await importRows(transport, read.drafts, {
        signal: controller.signal,
        fileName,
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
          disabled={stage.step === 'importing' || stage.step === 'reading'}
          onChange={(event) => void pick(event.currentTarget.files?.[0])}
        />
      </label>
      {error && (
        <p class="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}

      {stage.step === 'reading' && (
        <div class="import-progress" data-testid="import-reading">
          <progress
            data-testid="import-reading-progress"
            value={reader.progress?.done ?? 0}
            max={reader.progress?.total || 1}
            aria-label={t('files_reading_progress')}
          />
          <span>{t('files_reading', stage.fileName)}</span>
          <button type="button" data-testid="import-reading-cancel" onClick={cancelReading}>
            {t('files_reading_cancel')}
          </button>
        </div>
      )}

      {stage.step === 'preview' && !read && (
        <p class="muted" data-testid="import-preparing" role="status">
          {t('files_preparing')}
        </p>
      )}

      {stage.step === 'preview' && read && (
        <div class="import-preview" data-testid="import-preview">
          <p>
            {stage.fileName}: read as{' '}
            {stage.source.format === 'csv' ? LAYOUT_NAMES[stage.source.layout] : 'vCard'} (
            {stage.source.encoding}
            {stage.source.guessed ? ', detected: check that the names read right' : ''}
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
          {stage.source.format === 'csv' && stage.source.table.headerless && (
            <p data-testid="import-headerless">
              This file has no header row: its first row is a contact. Choose what each column
              holds.
            </p>
          )}
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
            <button
              type="button"
              onClick={() => {
                reader.stop();
                setStage({ step: 'idle' });
              }}
            >
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

function delimiterName(delimiter: string): string {
  return delimiter === ';' ? 'semicolons' : delimiter === '\t' ? 'tabs' : 'commas';
}
