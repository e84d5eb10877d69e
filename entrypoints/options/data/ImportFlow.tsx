// Import: pick a CSV or vCard file, read it in a worker with progress, map columns,
// preview, import with progress, summary.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RelationshipKind } from '../../../lib/domain/relationship';
import { LAYOUT_NAMES, type CsvField } from '../../../lib/transfer/csv-layouts';
import type { DraftsFromRows } from '../../../lib/transfer/csv-rows';
import { ReadingStopped } from '../../../lib/transfer/import-reader-client';
import type { SourceView } from '../../../lib/transfer/import-worker-protocol';
import type { ImportProblem } from '../../../lib/transfer/problems';
import { describeProblem } from '../../../lib/ui/ui-text';
import {
  importRows,
  messageOf,
  precheckRows,
  type ImportResult,
  type Precheck,
  type Progress,
  type Transport,
} from '../../../lib/transfer/transfer-client';
import { t, tCount } from '../../../lib/platform/i18n';
import { KIND_NAMES, KINDS, number } from './format';
import { DraftPreview, ImportSummary, MappingTable, ProblemList } from './ImportParts';
import { useImportReader } from './use-import-reader';
import { say } from '../../../lib/ui/ui-text';

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
        if (current && !(failure instanceof ReadingStopped)) setError(say(messageOf(failure)));
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
      setError(t('options_import_nothing', say(messageOf(failure))));
      return;
    }
    if (!prepared) return; // stopped: cancelReading said so
    if (!prepared.ok) {
      setStage({ step: 'idle' });
      setError(t('options_import_nothing', describeProblem(prepared.error)));
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
      setError(t('options_import_broken', say(messageOf(failure))));
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
      <h3>{t('options_import_heading')}</h3>
      <label class="file-label">
        {t('options_import_file')}
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
          <p>{readAs(stage.fileName, stage.source)}</p>
          <label>
            {t('options_import_as')}{' '}
            <select
              data-testid="import-kind"
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as RelationshipKind)}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(KIND_NAMES[k])}
                </option>
              ))}
            </select>{' '}
            <span class="muted">{t('options_import_unless')}</span>
          </label>
          {stage.source.format === 'csv' && stage.source.table.headerless && (
            <p data-testid="import-headerless">{t('options_import_headerless')}</p>
          )}
          {stage.source.format === 'csv' && (
            <MappingTable source={stage.source} mapping={mapping} onChange={setMapping} />
          )}
          <DraftPreview drafts={read.drafts.slice(0, 5).map((d) => d.value)} />
          <p data-testid="import-summary">
            {tCount('options_import_will', read.drafts.length)}
            {precheck && precheck.matches > 0
              ? ` ${t('options_import_will_merge', precheck.matches)}`
              : ''}
            {errors.length > 0 ? ` · ${tCount('options_import_rows_not', errors.length)}` : ''}.
          </p>
          <ProblemList
            title={t('options_import_not_imported')}
            problems={errors}
            testid="import-errors"
          />
          <ProblemList
            title={t('options_import_changed')}
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
              {tCount('options_import_confirm', read.drafts.length)}
            </button>
            <button
              type="button"
              onClick={() => {
                reader.stop();
                setStage({ step: 'idle' });
              }}
            >
              {t('options_import_other_file')}
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
            aria-label={t('options_import_progress')}
          />
          <span>
            {t('options_progress', number(stage.progress.done), number(stage.progress.total))}
          </span>
          <button type="button" data-testid="import-cancel" onClick={() => abort.current?.abort()}>
            {t('options_cancel')}
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
  return t(
    delimiter === ';'
      ? 'options_delimiter_semicolons'
      : delimiter === '\t'
        ? 'options_delimiter_tabs'
        : 'options_delimiter_commas',
  );
}

/** "people.csv: read as Google Contacts (UTF-8, commas)." */
function readAs(fileName: string, source: SourceView): string {
  const format =
    source.format === 'vcard'
      ? 'vCard'
      : source.layout === 'other'
        ? t('options_layout_other')
        : LAYOUT_NAMES[source.layout];
  const details = [
    source.encoding,
    ...(source.guessed ? [t('options_import_guessed')] : []),
    ...(source.format === 'csv' ? [delimiterName(source.table.delimiter)] : []),
  ].join(', ');
  return t('options_import_read_as', fileName, format, details);
}
