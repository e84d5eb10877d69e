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
import { StorageCareNotice } from './StorageCareNotice';
import { t } from '../../lib/platform/i18n';
import { LazyDataSection } from './LazyDataSection';
import { BulkSearch } from '../popup/BulkSearch';
import { useImportBatches } from './use-import-batches';
import { useRecentlyDeleted } from './use-recently-deleted';
import { usePeopleYouEmail } from './use-people-you-email';
import { useServices } from './use-services';
import { useSettings } from './use-settings';
import { useSiteAccess } from './use-site-access';
import { useStatus } from './use-status';

const SECTIONS = [
  ['cadence', 'Check-ins'],
  ['region', 'Phone region'],
  ['sites', 'Sites'],
  ['never-capture', 'Never capture'],
  ['email-log', 'Email'],
  ['services', 'Services'],
  ['data', 'Your data'],
  ['imports', 'Imports'],
  ['records', 'Records'],
  ['recently-deleted', 'Recently deleted'],
] as const;

/**
 * The options page, opened in a tab. Settings save themselves as they change (the
 * background reads them on every request, so they apply at once); the one status
 * line says what was saved or what went wrong.
 */
export function App() {
  const locale = navigator.language;
  const [status, report] = useStatus();
  const { settings, generation, loadError, save } = useSettings(report);
  const sites = useSiteAccess(report);
  const services = useServices(report);
  const deleted = useRecentlyDeleted(report);
  const people = usePeopleYouEmail(report);
  // An import's undo lands in Recently deleted, so that list is read again after it.
  const imports = useImportBatches(report, () => void deleted.reload());

  return (
    <div class="options-page" data-testid="options">
      <header class="options-header">
        <h1>
          <BrandMark />
          Clientele options
        </h1>
        <p
          class={`options-status status-${status.tone}`}
          data-testid="options-status"
          data-tone={status.tone}
          role="status"
        >
          {status.text}
        </p>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
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
              onSave={(cadence) => save({ cadence }, 'Check-in cadence')}
            />
            <RegionSection
              region={settings.region}
              locale={locale}
              onSave={(region) => save({ region }, 'Phone region')}
            />
          </>
        ) : (
          !loadError && <p class="muted">Reading settings…</p>
        )}
        <ScannedSitesSection
          builtIn={sites.access?.builtIn ?? []}
          granted={sites.access?.granted}
          onGrant={sites.grant}
          onRevoke={sites.revoke}
        >
          {settings && (
            <HighlightOnSites
              checked={settings.highlightOnSites}
              onChange={(highlightOnSites) => save({ highlightOnSites }, 'Highlight choice')}
              kindColours={settings.kindColours}
              onKindColours={(kindColours) => save({ kindColours }, 'Highlight colours')}
            />
          )}
        </ScannedSitesSection>
        {settings && (
          <NeverCaptureSection
            key={`never-capture-${generation}`}
            entries={settings.neverCapture}
            onSave={(neverCapture) => save({ neverCapture }, 'Never-capture list')}
          />
        )}
        {settings && (
          <EmailLogSection
            key={`email-log-${generation}`}
            settings={settings.emailLog}
            onSave={(emailLog) => save({ emailLog }, 'Email logging')}
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
        <ImportBatchesSection
          batches={imports.batches}
          loadError={imports.loadError}
          outcome={imports.outcome}
          onUndo={(batch) => void imports.undo(batch)}
        />
        <section id="records" aria-labelledby="records-title">
          <h2 id="records-title">Records</h2>
          <p class="muted">
            Select records (click, Enter, or their boxes) to delete them, change their kind, tag or
            export them at once. Every action can be undone.
          </p>
          <BulkSearch label="Find records" limit={200} />
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
