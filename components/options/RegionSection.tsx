import { useMemo } from 'preact/hooks';
import { t } from '../../lib/platform/i18n';
import { regionOptions } from './regions';

export interface RegionSectionProps {
  region: string;
  locale?: string;
  onSave: (region: string) => void;
}

/** The region national phone numbers are read in; saved as soon as another is chosen. */
export function RegionSection({ region, locale, onSave }: RegionSectionProps) {
  const options = useMemo(() => regionOptions(locale, region), [locale, region]);
  return (
    <section id="region" class="options-section" aria-labelledby="region-heading">
      <h2 id="region-heading">{t('region_heading')}</h2>
      <div class="field">
        <label for="region-select">{t('region_label')}</label>
        <select
          id="region-select"
          data-testid="region-select"
          value={region}
          aria-describedby="region-hint"
          onChange={(event) => onSave(event.currentTarget.value)}
        >
          {options.map(({ code, name }) => (
            <option key={code} value={code}>
              {name === code ? code : t('region_option', name, code)}
            </option>
          ))}
        </select>
        <p id="region-hint" class="muted">
          {t('region_hint')}
        </p>
      </div>
    </section>
  );
}
