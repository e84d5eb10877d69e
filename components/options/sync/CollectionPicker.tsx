import { useState } from 'preact/hooks';
import { t } from '../../../lib/platform/i18n';
import type { CollectionChoice, SyncCollectionView } from '../../sync-view';

export interface CollectionPickerProps {
  /** `sync-addressbook` or `sync-calendar`: the control's id and test id. */
  id: string;
  label: string;
  existing: readonly SyncCollectionView[];
  /** The name offered for a new collection. */
  newName: string;
  onChange: (choice: CollectionChoice) => void;
}

const NEW = '';

/**
 * One of the server's collections, or a new one with a name. With none on the
 * server there is nothing to choose, so only the name of the new one is asked.
 */
export function CollectionPicker({
  id,
  label,
  existing,
  newName,
  onChange,
}: CollectionPickerProps) {
  const [chosen, setChosen] = useState(existing[0]?.href ?? NEW);
  const [name, setName] = useState(newName);
  return (
    <div class="field">
      {existing.length > 0 && (
        <>
          <label for={id}>{label}</label>
          <select
            id={id}
            data-testid={id}
            value={chosen}
            onChange={(event) => {
              const href = event.currentTarget.value;
              setChosen(href);
              onChange(href === NEW ? { create: name } : { href });
            }}
          >
            {existing.map((collection) => (
              <option key={collection.href} value={collection.href}>
                {collection.name}
              </option>
            ))}
            <option value={NEW}>{t('sync_create_option')}</option>
          </select>
        </>
      )}
      {chosen === NEW && (
        <>
          <label for={`${id}-new`}>{existing.length > 0 ? t('sync_create_name') : label}</label>
          <input
            id={`${id}-new`}
            data-testid={`${id}-new`}
            type="text"
            value={name}
            onInput={(event) => {
              setName(event.currentTarget.value);
              onChange({ create: event.currentTarget.value });
            }}
          />
          {existing.length === 0 && <p class="muted">{t('sync_create_hint')}</p>}
        </>
      )}
    </div>
  );
}
