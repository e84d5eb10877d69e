import { useEffect, useRef, useState } from 'preact/hooks';
import { RELATIONSHIP_KINDS, type RelationshipKind } from '../../../lib/domain/relationship';
import { t } from '../../../lib/platform/i18n';
import { KIND_LABELS } from '../../../lib/ui/format';
import type { CollectionChoice, SyncChooseRequest, SyncCollectionView } from '../../sync-view';
import { CollectionPicker } from './CollectionPicker';

export type SyncChoice = SyncChooseRequest;

export interface SyncChooseFormProps {
  addressbooks: readonly SyncCollectionView[];
  calendars: readonly SyncCollectionView[];
  busy: boolean;
  problem: string | null;
  onChoose: (choice: SyncChoice) => void;
  /** Back to the server fields (another server or user). */
  onBack: () => void;
}

const first = (list: readonly SyncCollectionView[], name: string): CollectionChoice =>
  list[0] ? { href: list[0].href } : { create: name };

/**
 * After a good connection: which address book holds the cards, which calendar the
 * follow-ups and interactions, and which kind a card made by another app (a phone)
 * becomes when it names none. Focus starts on the first choice.
 */
export function SyncChooseForm(props: SyncChooseFormProps) {
  const { addressbooks, calendars, busy, problem, onChoose, onBack } = props;
  const [addressbook, setAddressbook] = useState(() => first(addressbooks, 'Clientele'));
  const [calendar, setCalendar] = useState(() => first(calendars, 'Clientele'));
  const [defaultKind, setDefaultKind] = useState<RelationshipKind>('prospect');
  const [blank, setBlank] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const error = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (problem || blank) error.current?.focus();
  }, [problem, blank]);

  const empty = (choice: CollectionChoice) => 'create' in choice && !choice.create.trim();
  return (
    <form
      class="sync-form"
      aria-busy={busy}
      data-testid="sync-choose-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        const missing = empty(addressbook) || empty(calendar);
        setBlank(missing);
        if (!missing) onChoose({ addressbook, calendar, defaultKind });
      }}
    >
      <h3 ref={heading} tabIndex={-1}>
        {t('sync_choose_heading')}
      </h3>
      <CollectionPicker
        id="sync-addressbook"
        label={t('sync_addressbook_label')}
        existing={addressbooks}
        newName="Clientele"
        onChange={setAddressbook}
      />
      <CollectionPicker
        id="sync-calendar"
        label={t('sync_calendar_label')}
        existing={calendars}
        newName="Clientele"
        onChange={setCalendar}
      />
      <div class="field">
        <label for="sync-default-kind">{t('sync_default_kind_label')}</label>
        <select
          id="sync-default-kind"
          data-testid="sync-default-kind"
          value={defaultKind}
          aria-describedby="sync-default-kind-hint"
          onChange={(event) => setDefaultKind(event.currentTarget.value as RelationshipKind)}
        >
          {RELATIONSHIP_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
        <p id="sync-default-kind-hint" class="muted">
          {t('sync_default_kind_hint')}
        </p>
      </div>
      {(problem || blank) && (
        <p ref={error} class="field-error" role="alert" tabIndex={-1} data-testid="sync-problem">
          {blank ? t('sync_missing_collection') : problem}
        </p>
      )}
      <div class="sync-buttons">
        <button type="submit" class="primary" data-testid="sync-choose" disabled={busy}>
          {busy ? t('sync_starting') : t('sync_start')}
        </button>
        <button type="button" data-testid="sync-back" onClick={onBack} disabled={busy}>
          {t('sync_back')}
        </button>
      </div>
    </form>
  );
}
