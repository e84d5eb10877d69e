import { useState } from 'preact/hooks';
import { BulkActions } from '../../components/BulkActions';
import { UndoNotice } from '../../components/options/UndoNotice';
import { SearchPanel, type SearchPanelProps } from './SearchPanel';
import { useBulkActions } from './use-bulk-actions';
import { useUndoToast } from '../../containers/use-undo-toast';

/**
 * Search with selection: results get checkboxes, the selection gets bulk actions,
 * and every action gets the Undo toast. After an action (or its undo) the search
 * reads the store again, so it shows what is stored now.
 */
export function BulkSearch(
  props: Omit<SearchPanelProps, 'selection' | 'onOpen'> & {
    /** Opens a record; without it, choosing a result (click or Enter) selects it. */
    onOpen?: (partyId: string) => void;
  },
) {
  const [generation, setGeneration] = useState(0);
  const [said, setSaid] = useState<string | null>(null);
  const reread = () => setGeneration((n) => n + 1);
  const toast = useUndoToast((message) => {
    setSaid(message);
    reread();
  });
  const bulk = useBulkActions(
    (entryId, message) => {
      setSaid(null);
      toast.show(entryId, message);
    },
    reread,
    setSaid,
  );
  return (
    <div class="bulk-search">
      {toast.toast && (
        <UndoNotice
          message={toast.toast.message}
          onUndo={() => void toast.undo()}
          onDismiss={toast.dismiss}
        />
      )}
      {(toast.problem ?? bulk.problem) && (
        <p class="error" role="alert">
          {toast.problem ?? bulk.problem}
        </p>
      )}
      {said && !toast.toast && (
        <p class="notice" role="status" data-testid="notice">
          {said}
        </p>
      )}
      <BulkActions
        count={bulk.selected.size}
        busy={bulk.busy}
        onDelete={() => void bulk.remove()}
        onKind={(kind, reason) => void bulk.kind(kind, reason)}
        onTag={(tag, add) => void bulk.tag(tag, add)}
        onExport={(format) => void bulk.exportSelection(format)}
        onClear={bulk.clear}
        running={bulk.running}
        onCancel={() => void bulk.cancel()}
      />
      <SearchPanel
        key={generation}
        {...props}
        onOpen={props.onOpen ?? ((id) => bulk.change([id], !bulk.selected.has(id)))}
        selection={{ selected: bulk.selected, onChange: bulk.change }}
      />
    </div>
  );
}
