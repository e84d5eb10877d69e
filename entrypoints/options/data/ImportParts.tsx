import type { RelationshipKind } from '../../../lib/domain/relationship';
// The import flow's pieces: column mapping, draft preview, problem list, summary.
import { CSV_FIELDS, type CsvField } from '../../../lib/transfer/csv-layouts';
import { t, type MessageKey } from '../../../lib/platform/i18n';
import { KIND_NAMES } from './format';
import { type ImportSource } from '../../../lib/transfer/prepare-import';
import type { ImportProblem } from '../../../lib/transfer/problems';
import { describeProblem } from '../../../lib/ui/ui-text';
import { type ImportResult } from '../../../lib/transfer/transfer-client';
import { number } from './format';
import type { UiText } from '../../../lib/domain/ui-text';

export function MappingTable({
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
      <caption>{t('options_mapping_caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('options_mapping_column')}</th>
          <th scope="col">{t('options_mapping_holds')}</th>
          <th scope="col">{t('options_mapping_first_rows')}</th>
        </tr>
      </thead>
      <tbody>
        {source.table.header.map((name, column) => (
          <tr key={column}>
            <th scope="row">{name || t('options_mapping_column_n', column + 1)}</th>
            <td>
              <select
                aria-label={t('options_mapping_holds_named', name)}
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
                    {t(`options_field_${field}` satisfies MessageKey)}
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

export function DraftPreview({
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
  if (drafts.length === 0) return <p class="empty">{t('options_preview_none')}</p>;
  return (
    <table class="draft-preview">
      <caption>{t('options_preview_caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('options_preview_name')}</th>
          <th scope="col">{t('options_preview_email')}</th>
          <th scope="col">{t('options_preview_phone')}</th>
          <th scope="col">{t('options_preview_organization')}</th>
          <th scope="col">{t('options_preview_as')}</th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((draft, i) => (
          <tr key={i}>
            <td>{draft.name}</td>
            <td>{(draft.emails ?? []).join(', ')}</td>
            <td>{(draft.phones ?? []).join(', ')}</td>
            <td>{draft.organizationName ?? ''}</td>
            <td>
              {draft.kind in KIND_NAMES
                ? t(KIND_NAMES[draft.kind as RelationshipKind])
                : draft.kind}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SHOWN = 50;

export function ProblemList({
  title,
  problems,
  testid,
}: {
  title: string;
  problems: { line?: number; path?: string; message: UiText | string }[];
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
          <li key={i}>{describeProblem(problem)}</li>
        ))}
      </ul>
      {problems.length > SHOWN && (
        <p class="muted">{t('options_problems_more', number(problems.length - SHOWN))}</p>
      )}
    </details>
  );
}

export function ImportSummary({
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
        {result.cancelled ? `${t('options_import_cancelled')} ` : ''}
        {t(
          'options_import_result',
          number(result.added),
          number(result.merged),
          number(skipped.length),
        )}
        {skipped.length > 0 ? ` ${t('options_import_see_list')}` : ''}.
        {result.cancelled ? ` ${t('options_import_after_cancel')}` : ''}
      </p>
      <ProblemList title={t('options_import_skipped')} problems={skipped} testid="import-skipped" />
      <ProblemList
        title={t('options_import_changed')}
        problems={result.adjusted}
        testid="import-adjusted"
      />
    </div>
  );
}
