import { BrandMark } from '../../components/BrandMark';
import { HighlightOnSites } from '../../components/options/HighlightOnSites';
import { CadenceSection } from '../../components/options/CadenceSection';
import { EmailLogSection } from '../../components/options/EmailLogSection';
import { PeopleYouEmail } from '../../components/options/PeopleYouEmail';
import { NeverCaptureSection } from '../../components/options/NeverCaptureSection';
import { ImportBatchesSection } from '../../components/options/ImportBatchesSection';
import { RecentlyDeletedSection } from '../../components/options/RecentlyDeletedSection';
import { RegionSection } from '../../components/options/RegionSection';
import { ScannedSitesSection } from '../../components/options/ScannedSitesSection';
import { ServicesSection } from '../../components/options/ServicesSection';
import { SyncSection } from '../../components/options/sync/SyncSection';
import { StorageCareNotice } from './StorageCareNotice';
import { t, uiLanguage } from '../../lib/platform/i18n';
import { exceptSyncServer } from '../../lib/platform/site-access';
import { LazyDataSection } from './LazyDataSection';
import { BulkSearch } from '../popup/BulkSearch';
import { useImportBatches } from './use-import-batches';
import { useRecentlyDeleted } from './use-recently-deleted';
import { usePeopleYouEmail } from './use-people-you-email';
import { useServices } from './use-services';
import { useSettings } from './use-settings';
import { useSiteAccess } from './use-site-access';
import { useStatus } from './use-status';
import { useSync } from './use-sync';
import { useSectionFromUrl } from './use-section-from-url';

const SECTIONS = [
  ['cadence', 'options_section_cadence'],
  ['region', 'options_section_region'],
  ['sites', 'options_section_sites'],
  ['never-capture', 'options_section_never_capture'],
  ['email-log', 'options_section_email_log'],
  ['services', 'options_section_services'],
  ['data', 'options_section_data'],
  ['imports', 'options_section_imports'],
  ['records', 'options_section_records'],
  ['recently-deleted', 'options_section_recently_deleted'],
] as const;

/**
 * The options page, opened in a tab. Settings save themselves as they change (the
 * background reads them on every request, so they apply at once); the one status
 * line says what was saved or what went wrong.
 */
export function App() {
  // Numbers and region names in the language the page is shown in.
  const locale = uiLanguage();
  const [status, report] = useStatus();
  const { settings, generation, loadError, save } = useSettings(report);
  const sites = useSiteAccess(report);
  const services = useServices(report);
  const deleted = useRecentlyDeleted(report);
  const people = usePeopleYouEmail(report);
  // An import's undo lands in Recently deleted, so that list is read again after it.
  const imports = useImportBatches(report, () => void deleted.reload());
  const sync = useSync();
  useSectionFromUrl(location.search);

  return (
    <div class="options-page" data-testid="options">
      <header class="options-header">
        <h1>
          <BrandMark />
          {t('options_title')}
        </h1>
        <p
          class={`options-status status-${status.tone}`}
          data-testid="options-status"
          data-tone={status.tone}
          role="status"
        >
          {status.text}
        </p>
        <nav aria-label={t('options_sections')}>
          <ul>
            {SECTIONS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(label)}</a>
              </li>
            ))}
            <li>
              <a href="#sync">{t('sync_nav')}</a>
            </li>
            <li>
              <a href="/welcome.html" target="_blank" data-testid="options-welcome">
                {t('options_welcome_link')}
              </a>
            </li>
          </ul>
        </nav>
      </header>
      <main class="options-main">
        <StorageCareNotice />
        {loadError && (
          <p class="error" role="alert">
            {loadError}
          </p>
        )}
        {settings ? (
          <>
            <CadenceSection
              key={`cadence-${generation}`}
              cadence={settings.cadence}
              onSave={(cadence) => save({ cadence }, t('options_what_cadence'))}
            />
            <RegionSection
              region={settings.region}
              locale={locale}
              onSave={(region) => save({ region }, t('options_what_region'))}
            />
          </>
        ) : (
          !loadError && <p class="muted">{t('options_reading_settings')}</p>
        )}
        <ScannedSitesSection
          builtIn={sites.access?.builtIn ?? []}
          // The sync server's origin is granted like a site, but it is for sync alone.
          granted={
            sites.access && exceptSyncServer(sites.access.granted, sync.status?.account?.server)
          }
          onGrant={sites.grant}
          onRevoke={sites.revoke}
        >
          {settings && (
            <HighlightOnSites
              checked={settings.highlightOnSites}
              onChange={(highlightOnSites) =>
                save({ highlightOnSites }, t('options_what_highlight'))
              }
              kindColours={settings.kindColours}
              onKindColours={(kindColours) => save({ kindColours }, t('options_what_colours'))}
            />
          )}
        </ScannedSitesSection>
        {settings && (
          <NeverCaptureSection
            key={`never-capture-${generation}`}
            entries={settings.neverCapture}
            onSave={(neverCapture) => save({ neverCapture }, t('options_what_never_capture'))}
          />
        )}
        {settings && (
          <EmailLogSection
            key={`email-log-${generation}`}
            settings={settings.emailLog}
            onSave={(emailLog) => save({ emailLog }, t('options_what_email_log'))}
          >
            <PeopleYouEmail
              people={people.people}
              onAdd={(person, kind) => void people.add(person, kind)}
              onDismiss={(person) => void people.dismiss(person)}
            />
          </EmailLogSection>
        )}
        <ServicesSection
          listing={services.listing}
          loadError={services.loadError}
          locale={locale}
          fallbackCurrency=""
          onSave={services.save}
          onArchive={services.archive}
          onDelete={services.remove}
          onRestore={services.restore}
        />
        {/* Backup, restore, import and export: a section of its own, headed "Your data". */}
        <div id="data" class="data-mount">
          <LazyDataSection />
        </div>
        <SyncSection
          status={sync.status}
          loadError={sync.loadError}
          found={sync.found}
          busy={sync.busy}
          problem={sync.problem}
          now={sync.now}
          locale={locale}
          onConnect={sync.connect}
          onChoose={sync.choose}
          onBack={sync.back}
          onSyncNow={sync.syncNow}
          onDisconnect={sync.disconnect}
        />
        <ImportBatchesSection
          batches={imports.batches}
          loadError={imports.loadError}
          outcome={imports.outcome}
          onUndo={(batch) => void imports.undo(batch)}
        />
        <section id="records" aria-labelledby="records-title">
          <h2 id="records-title">{t('options_section_records')}</h2>
          <p class="muted">{t('options_records_intro')}</p>
          <BulkSearch label={t('options_find_records')} limit={200} />
        </section>
        <RecentlyDeletedSection
          entries={deleted.entries}
          loadError={deleted.loadError}
          now={Date.now()}
          onRestore={(entry) => void deleted.restore(entry)}
          onForget={(entry, neverCapture) => void deleted.forget(entry, neverCapture)}
        />
      </main>
    </div>
  );
}
