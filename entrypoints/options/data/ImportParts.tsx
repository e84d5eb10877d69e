// The import flow's pieces: column mapping, draft preview, problem list, summary.
import { CSV_FIELD_LABELS, CSV_FIELDS, type CsvField } from '../../../lib/transfer/csv-layouts';
import { type ImportSource } from '../../../lib/transfer/prepare-import';
import { describeProblem, type ImportProblem } from '../../../lib/transfer/problems';
import { type ImportResult } from '../../../lib/transfer/transfer-client';
import { number } from './format';

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

export function ProblemList({
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
