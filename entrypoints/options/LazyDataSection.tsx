import { t } from '../../lib/platform/i18n';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Backup, import and export carry their own parsers (CSV, vCard, iCalendar): about
 * as much code again as the rest of the page. They load after the settings are on
 * screen, in a chunk of their own.
 */
export function LazyDataSection() {
  const [Section, setSection] = useState<ComponentType | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    import('./DataSection').then(
      (module) => setSection(() => module.DataSection),
      (error: unknown) => setFailed(String(error)),
    );
  }, []);
  if (Section) return <Section />;
  return (
    <section class="options-section" aria-labelledby="data-loading-heading">
      <h2 id="data-loading-heading">{t('options_section_data')}</h2>
      {failed ? (
        <p class="error" role="alert">
          {t('options_data_load_failed', failed)}
        </p>
      ) : (
        <p class="muted">{t('options_data_loading')}</p>
      )}
    </section>
  );
}
