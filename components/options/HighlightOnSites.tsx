import { t } from '../../lib/platform/i18n';

export interface HighlightOnSitesProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Whether highlights are coloured by kind (client, customer, prospect, former). */
  kindColours: boolean;
  onKindColours: (kindColours: boolean) => void;
}

/**
 * The choices about highlights, both off by default, because highlighting is not
 * private: a site's own scripts can see which of its texts are highlighted (so a page
 * listing many people would learn which of them are in the book), and read each
 * highlight's name and colour (so colours by kind would tell it who is a client).
 */
export function HighlightOnSites({
  checked,
  onChange,
  kindColours,
  onKindColours,
}: HighlightOnSitesProps) {
  return (
    <div class="highlight-choice" data-testid="highlight-on-sites">
      <h3>{t('highlight_heading')}</h3>
      <label>
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />{' '}
        {t('highlight_onSites')}
      </label>
      <p class="muted" id="highlight-on-sites-why">
        {t('highlight_onSitesWhy')}
      </p>
      <label data-testid="kind-colours">
        <input
          type="checkbox"
          checked={kindColours}
          aria-describedby="kind-colours-why"
          onChange={(event) => onKindColours(event.currentTarget.checked)}
        />{' '}
        {t('highlight_kindColours')}
      </label>
      <p class="muted" id="kind-colours-why">
        {t('highlight_kindColoursWhy')}
      </p>
    </div>
  );
}
