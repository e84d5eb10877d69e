import type { ServiceListing } from '../../lib/db/service-repository';
import { describeTerms } from './service-terms';

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
        {engagements > 0 && (
          <span class="muted">
            {engagements === 1 ? 'Used by 1 engagement' : `Used by ${engagements} engagements`}
          </span>
        )}
      </div>
      <div class="service-actions">
        <button
          type="button"
          id={`service-edit-${service.id}`}
          aria-label={`Edit ${service.name}`}
          onClick={onEdit}
        >
          Edit
        </button>
        <button
          type="button"
          aria-label={`${service.archived ? 'Offer again' : 'Archive'} ${service.name}`}
          onClick={() => onArchive(!service.archived)}
        >
          {service.archived ? 'Offer again' : 'Archive'}
        </button>
        {engagements === 0 && (
          <button type="button" aria-label={`Delete ${service.name}`} onClick={onDelete}>
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
