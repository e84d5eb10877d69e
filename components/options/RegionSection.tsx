import { useMemo } from 'preact/hooks';
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
      <h2 id="region-heading">Default phone region</h2>
      <div class="field">
        <label for="region-select">Read phone numbers without a country code as numbers in</label>
        <select
          id="region-select"
          data-testid="region-select"
          value={region}
          aria-describedby="region-hint"
          onChange={(event) => onSave(event.currentTarget.value)}
        >
          {options.map(({ code, name }) => (
            <option key={code} value={code}>
              {name === code ? code : `${name} (${code})`}
            </option>
          ))}
        </select>
        <p id="region-hint" class="muted">
          Numbers written with a + and a country code are read the same everywhere. Records already
          saved keep the numbers they have.
        </p>
      </div>
    </section>
  );
}
