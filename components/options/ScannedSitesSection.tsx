import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { siteHost, siteName } from './site-label';
import { UndoNotice } from './UndoNotice';
import { t } from '../../lib/platform/i18n';

export interface ScannedSitesSectionProps {
  /** Match patterns granted at install (webmail). */
  builtIn: readonly string[];
  /** Match patterns the user granted; undefined while they are being read. */
  granted: readonly string[] | undefined;
  /** Asks the browser for a site (its permission prompt); resolves to a problem to show, or null. */
  onGrant: (site: string) => Promise<string | null>;
  /** Resolves false when the browser refused. */
  onRevoke: (pattern: string) => Promise<boolean>;
  /** More choices about these sites, shown at the section's end. */
  children?: ComponentChildren;
}

/**
 * Which sites are read on every visit. Webmail is always read; other sites only
 * after "always scan this site", and each can be stopped here (with undo, which
 * asks the browser again since only a click may grant a site).
 */
export function ScannedSitesSection({
  builtIn,
  granted,
  onGrant,
  onRevoke,
  children,
}: ScannedSitesSectionProps) {
  const [removed, setRemoved] = useState<string | null>(null);
  const [adding, setAdding] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const builtInNames = [...new Set(builtIn.map(siteName))];

  const revoke = async (pattern: string) => {
    if (await onRevoke(pattern)) setRemoved(pattern);
  };
  const grant = async (site: string) => {
    const outcome = await onGrant(site);
    setProblem(outcome);
    return outcome === null;
  };

  return (
    <section
      id="sites"
      class="options-section"
      aria-labelledby="sites-heading"
      data-testid="scanned-sites"
    >
      <h2 id="sites-heading">{t('sites_heading')}</h2>
      <p class="muted">{t('sites_intro')}</p>
      <h3>{t('sites_builtIn')}</h3>
      <ul class="plain-list" data-testid="built-in-sites">
        {builtInNames.map((name) => (
          <li key={name}>
            {name} <span class="muted">— {t('sites_alwaysRead')}</span>
          </li>
        ))}
      </ul>
      <h3>{t('sites_added')}</h3>
      {granted === undefined ? (
        <p class="muted">{t('deleted_reading')}</p>
      ) : granted.length === 0 ? (
        <p class="empty">{t('sites_empty')}</p>
      ) : (
        <ul class="plain-list" data-testid="granted-sites">
          {granted.map((pattern) => (
            <li key={pattern} class="list-row" data-testid="granted-site">
              <span>{siteHost(pattern)}</span>
              <button
                type="button"
                aria-label={t('sites_stopNamed', siteHost(pattern))}
                onClick={() => void revoke(pattern)}
              >
                {t('site_stop')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {removed && (
        <UndoNotice
          message={t('sites_removed', siteHost(removed))}
          onUndo={() => {
            const pattern = removed;
            setRemoved(null);
            void grant(pattern);
          }}
          onDismiss={() => setRemoved(null)}
        />
      )}
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void grant(adding).then((done) => done && setAdding(''));
        }}
      >
        <label for="add-site">{t('sites_addLabel')}</label>
        <input
          id="add-site"
          type="text"
          inputMode="url"
          autoComplete="off"
          placeholder={t('sites_placeholder')}
          value={adding}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'add-site-error' : undefined}
          onInput={(event) => {
            setAdding(event.currentTarget.value);
            setProblem(null);
          }}
        />
        <button type="submit">{t('sites_addSubmit')}</button>
        {problem && (
          <p id="add-site-error" class="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      {children}
    </section>
  );
}
