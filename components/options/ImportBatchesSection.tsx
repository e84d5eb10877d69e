import { useState } from 'preact/hooks';
import { formatDateTime, t, tCount } from '../../lib/platform/i18n';
import type { Response } from '../../lib/protocol/messages';

export type ImportBatchRow = Response<'imports/list'>['batches'][number];

export interface ImportBatchesSectionProps {
  /** Undefined while the list is being read. */
  batches: readonly ImportBatchRow[] | undefined;
  loadError?: string | null;
  /** What the last undo kept and why, shown under the list. */
  outcome?: string | null;
  onUndo: (batch: ImportBatchRow) => void;
}

/**
 * Every import, newest first, each with "Remove the N records this import added"
 * (a second click confirms; the removal lands in Recently deleted, so it can be
 * undone too).
 */
export function ImportBatchesSection({
  batches,
  loadError,
  outcome,
  onUndo,
}: ImportBatchesSectionProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section id="imports" aria-labelledby="imports-title">
      <h2 id="imports-title">{t('tidy_imports_title')}</h2>
      <p class="muted">{t('tidy_imports_intro')}</p>
      {loadError && (
        <p class="error" role="alert">
          {t('tidy_imports_load_error', loadError)}
        </p>
      )}
      {batches === undefined && !loadError && <p class="muted">{t('tidy_imports_reading')}</p>}
      {batches?.length === 0 && (
        <p class="muted" data-testid="import-batches-empty">
          {t('tidy_imports_empty')}
        </p>
      )}
      <ul class="deleted-list" data-testid="import-batches">
        {batches?.map((batch) => (
          <li key={batch.id} data-testid="import-batch" data-batch-id={batch.id}>
            <strong>{batch.fileName || t('tidy_imports_unnamed')}</strong>{' '}
            <span class="muted">
              {t('tidy_imports_row', formatDateTime(batch.at), batch.added, batch.merged)}
            </span>
            <div class="deleted-actions">
              {batch.undoneAt !== undefined ? (
                <span class="muted" data-testid="import-batch-undone">
                  {t('tidy_imports_undone', formatDateTime(batch.undoneAt))}
                </span>
              ) : confirming === batch.id ? (
                <>
                  <span role="status">{t('tidy_imports_confirm')}</span>{' '}
                  <button
                    type="button"
                    data-testid="import-undo-confirm"
                    onClick={() => {
                      setConfirming(null);
                      onUndo(batch);
                    }}
                  >
                    {t('tidy_imports_confirm_button')}
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('tidy_keep')}
                  </button>
                </>
              ) : (
                (batch.added > 0 || batch.merged > 0) && (
                  <button
                    type="button"
                    data-testid="import-undo"
                    onClick={() => setConfirming(batch.id)}
                  >
                    {tCount('tidy_imports_remove', batch.added)}
                  </button>
                )
              )}
            </div>
          </li>
        ))}
      </ul>
      {outcome && (
        <p role="status" data-testid="import-undo-outcome">
          {outcome}
        </p>
      )}
    </section>
  );
}
