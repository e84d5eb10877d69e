import { useEffect, useState } from 'preact/hooks';
import type { Result } from '../../lib/domain/result';
import type { Service } from '../../lib/domain/service';
import type { ServiceDraft, ServiceListing } from '../../lib/db/service-repository';
import { ServiceForm } from './ServiceForm';
import { ServiceRow } from './ServiceRow';
import { UndoNotice } from './UndoNotice';
import { t } from '../../lib/platform/i18n';
import { say } from '../../lib/ui/ui-text';

export interface ServicesSectionProps {
  /** Undefined while the catalogue is being read. */
  listing: readonly ServiceListing[] | undefined;
  /** Why the catalogue could not be read, if it could not. */
  loadError?: string | null;
  locale?: string;
  /** Used for a new service when the catalogue has none to copy from. */
  fallbackCurrency: string;
  onSave: (draft: ServiceDraft) => Promise<Result<Service>>;
  onArchive: (id: string, archived: boolean) => Promise<Result<Service>>;
  onDelete: (id: string) => Promise<Result<Service>>;
  onRestore: (service: Service) => Promise<Result<Service>>;
}

type Editing = { mode: 'new' } | { mode: 'edit'; service: Service } | null;

/** What the user offers: add, edit, archive, and delete (with undo) when nothing uses it. */
export function ServicesSection({
  listing,
  loadError,
  locale,
  fallbackCurrency,
  onSave,
  onArchive,
  onDelete,
  onRestore,
}: ServicesSectionProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [deleted, setDeleted] = useState<Service | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Where focus goes once the form closes or a row moves: its Edit button, else "Add".
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (!focusTarget || editing !== null) return;
    const wanted = document.getElementById(focusTarget.id);
    // A row that moved into the closed "Archived" list cannot take focus.
    const target = wanted?.closest('details:not([open])') ? null : wanted;
    (target ?? document.getElementById('service-add'))?.focus();
  }, [focusTarget, editing]);

  const offered = listing?.filter((l) => !l.service.archived) ?? [];
  const archived = listing?.filter((l) => l.service.archived) ?? [];
  const defaultCurrency = offered[0]?.service.terms.rate.currency ?? fallbackCurrency;

  const close = (focusId: string) => {
    setFocusTarget({ id: focusId });
    setEditing(null);
  };

  const submit = async (draft: ServiceDraft): Promise<string | null> => {
    const saved = await onSave(draft);
    if (!saved.ok) return say(saved.error.message);
    close(`service-edit-${saved.value.id}`);
    return null;
  };

  const archive = async (service: Service, archive: boolean) => {
    const done = await onArchive(service.id, archive);
    setProblem(done.ok ? null : say(done.error.message));
    if (done.ok) setFocusTarget({ id: `service-edit-${service.id}` });
  };

  const remove = async (service: Service) => {
    const done = await onDelete(service.id);
    setProblem(done.ok ? null : say(done.error.message));
    if (done.ok) setDeleted(done.value);
  };

  const undo = async () => {
    if (!deleted) return;
    const done = await onRestore(deleted);
    setProblem(done.ok ? null : say(done.error.message));
    if (done.ok) {
      setDeleted(null);
      setFocusTarget({ id: `service-edit-${deleted.id}` });
    }
  };

  const item = (l: ServiceListing) =>
    editing?.mode === 'edit' && editing.service.id === l.service.id ? (
      <li key={l.service.id}>
        <ServiceForm
          service={l.service}
          defaultCurrency={defaultCurrency}
          locale={locale}
          onSubmit={submit}
          onCancel={() => close(`service-edit-${l.service.id}`)}
        />
      </li>
    ) : (
      <ServiceRow
        key={l.service.id}
        listing={l}
        locale={locale}
        onEdit={() => {
          setDeleted(null);
          setEditing({ mode: 'edit', service: l.service });
        }}
        onArchive={(value) => void archive(l.service, value)}
        onDelete={() => void remove(l.service)}
      />
    );

  return (
    <section
      id="services"
      class="options-section"
      aria-labelledby="services-heading"
      data-testid="services"
    >
      <h2 id="services-heading">{t('service_heading')}</h2>
      <p class="muted">{t('service_intro')}</p>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {deleted && (
        <UndoNotice
          message={t('service_deleted', deleted.name)}
          onUndo={() => void undo()}
          onDismiss={() => setDeleted(null)}
        />
      )}
      {editing?.mode === 'new' ? (
        <ServiceForm
          defaultCurrency={defaultCurrency}
          locale={locale}
          onSubmit={submit}
          onCancel={() => close('service-add')}
        />
      ) : (
        <button
          type="button"
          id="service-add"
          class="primary"
          disabled={listing === undefined}
          onClick={() => {
            setDeleted(null);
            setEditing({ mode: 'new' });
          }}
        >
          {t('service_addOne')}
        </button>
      )}
      {listing === undefined && !loadError && <p class="muted">{t('service_reading')}</p>}
      {listing !== undefined && offered.length === 0 && editing?.mode !== 'new' && (
        <p class="empty">{t('service_empty')}</p>
      )}
      <ul class="service-list" aria-label={t('service_offered')}>
        {offered.map(item)}
      </ul>
      {archived.length > 0 && (
        <details class="archived-services">
          <summary>{t('service_archivedCount', archived.length)}</summary>
          <ul class="service-list" aria-label={t('service_archived')}>
            {archived.map(item)}
          </ul>
        </details>
      )}
    </section>
  );
}
