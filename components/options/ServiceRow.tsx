import type { ServiceListing } from '../../lib/db/service-repository';
import { describeTerms } from './service-terms';
import { t, tCount } from '../../lib/platform/i18n';

export interface ServiceRowProps {
  listing: ServiceListing;
  locale?: string;
  onEdit: () => void;
  onArchive: (archived: boolean) => void;
  onDelete: () => void;
}

/**
 * One catalogue entry. A service engagements were made from can only be archived
 * (they still name it); one never used can also be deleted, with undo.
 */
export function ServiceRow({ listing, locale, onEdit, onArchive, onDelete }: ServiceRowProps) {
  const { service, engagements } = listing;
  return (
    <li class="service-row" data-testid="service-row" data-archived={String(service.archived)}>
      <div class="service-main">
        <span class="service-name">{service.name}</span>
        <span class="service-terms">{describeTerms(service.terms, locale)}</span>
        {service.scope && <p class="service-scope muted">{service.scope}</p>}
        {engagements > 0 && <span class="muted">{tCount('service_usedBy', engagements)}</span>}
      </div>
      <div class="service-actions">
        <button
          type="button"
          id={`service-edit-${service.id}`}
          aria-label={t('edit_label', service.name)}
          onClick={onEdit}
        >
          {t('card_edit')}
        </button>
        <button
          type="button"
          aria-label={t(
            service.archived ? 'service_offerAgainNamed' : 'service_archiveNamed',
            service.name,
          )}
          onClick={() => onArchive(!service.archived)}
        >
          {service.archived ? t('service_offerAgain') : t('service_archive')}
        </button>
        {engagements === 0 && (
          <button
            type="button"
            aria-label={t('service_deleteNamed', service.name)}
            onClick={onDelete}
          >
            {t('delete_confirm')}
          </button>
        )}
      </div>
    </li>
  );
}
