import { useState } from 'preact/hooks';
import type { RelationshipKind } from '../lib/domain/relationship';
import { t, tCount } from '../lib/platform/i18n';
import { KIND_LABELS } from '../lib/ui/format';

export interface BulkActionsProps {
  count: number;
  busy: boolean;
  onDelete: () => void;
  onKind: (kind: RelationshipKind, reason: string) => void;
  onTag: (tag: string, add: boolean) => void;
  onExport: (format: 'csv' | 'vcard') => void;
  onClear: () => void;
  /** The action running now; while it runs, a bar shows it and Cancel can stop it. */
  running?: { kind: 'delete' | 'change'; count: number } | null;
  onCancel?: () => void;
}

const KINDS = Object.keys(KIND_LABELS) as RelationshipKind[];

/**
 * What can be done to the selected records at once. Each action is one message
 * and one transaction, and each can be undone from the toast that follows.
 * Deleting asks once more, saying how many. While an action runs, a bar says so
 * and Cancel aborts its transaction, leaving every record as it was. The bar has
 * no percentage: one transaction reports nothing until it commits, and a count
 * that moved would claim a partial state the book never has.
 */
export function BulkActions(props: BulkActionsProps) {
  const { count, busy } = props;
  const [kind, setKind] = useState<RelationshipKind>('client');
  const [reason, setReason] = useState('');
  const [tag, setTag] = useState('');
  const [confirming, setConfirming] = useState(false);
  if (count === 0) return null;
  return (
    <section class="bulk-actions" aria-label={t('bulk_label')} data-testid="bulk-actions">
      <p role="status">
        {tCount('bulk_selected', count)}{' '}
        <button type="button" class="link" onClick={props.onClear}>
          {t('bulk_clear')}
        </button>
      </p>
      {props.running && <BulkProgress {...props.running} onCancel={props.onCancel} />}
      <form
        class="bulk-row"
        onSubmit={(event) => {
          event.preventDefault();
          props.onKind(kind, reason.trim());
        }}
      >
        <select
          aria-label={t('bulk_newKind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as RelationshipKind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <input
          aria-label={t('bulk_reasonLabel')}
          placeholder={t('bulk_reason')}
          value={reason}
          maxLength={500}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <button type="submit" data-testid="bulk-kind" disabled={busy}>
          {t('bulk_changeKind')}
        </button>
      </form>
      <form class="bulk-row" onSubmit={(event) => event.preventDefault()}>
        <input
          aria-label={t('bulk_tag')}
          placeholder={t('bulk_tag')}
          value={tag}
          maxLength={100}
          onInput={(e) => setTag(e.currentTarget.value)}
        />
        <button
          type="button"
          data-testid="bulk-tag"
          disabled={busy || tag.trim() === ''}
          onClick={() => props.onTag(tag.trim(), true)}
        >
          {t('bulk_addTag')}
        </button>
        <button
          type="button"
          data-testid="bulk-untag"
          disabled={busy || tag.trim() === ''}
          onClick={() => props.onTag(tag.trim(), false)}
        >
          {t('bulk_removeTag')}
        </button>
      </form>
      <p class="bulk-row">
        <button
          type="button"
          data-testid="bulk-export-csv"
          disabled={busy}
          onClick={() => props.onExport('csv')}
        >
          {t('bulk_exportCsv')}
        </button>
        <button
          type="button"
          data-testid="bulk-export-vcard"
          disabled={busy}
          onClick={() => props.onExport('vcard')}
        >
          {t('bulk_exportVcard')}
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              class="danger"
              data-testid="bulk-delete-confirm"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                props.onDelete();
              }}
            >
              {tCount('bulk_deleteConfirm', count)}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common_cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            class="danger"
            data-testid="bulk-delete"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {t('delete_ask')}
          </button>
        )}
      </p>
    </section>
  );
}

interface BulkProgressProps {
  kind: 'delete' | 'change';
  count: number;
  onCancel?: (() => void) | undefined;
}

/** A running bulk action: what it does to how many, a busy bar, and Cancel. */
function BulkProgress({ kind, count, onCancel }: BulkProgressProps) {
  const doing = tCount(kind === 'delete' ? 'bulk_running_delete' : 'bulk_running_change', count);
  return (
    <div class="bulk-row bulk-progress" data-testid="bulk-progress">
      {/* No value: the bar is indeterminate, and assistive tech hears "busy". */}
      <progress aria-label={doing} data-testid="bulk-progress-bar" />
      <span aria-hidden="true">{doing}</span>
      {onCancel && (
        <button
          type="button"
          data-testid="bulk-cancel"
          aria-label={t('bulk_cancel_label')}
          onClick={onCancel}
        >
          {t('common_cancel')}
        </button>
      )}
    </div>
  );
}
