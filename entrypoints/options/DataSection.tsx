// One self-contained section of the options page ("Your data"): backup, restore,
// import and export. The restore and import flows live in components/data/; the
// parsing and the messaging live in lib/transfer, so what is here is state and markup.
import { useState } from 'preact/hooks';
import { sendMessage } from '../../lib/platform/messaging';
import { recordBackup } from '../../lib/platform/storage-care';
import { partiesToContactsCsv, type ContactsLayout } from '../../lib/transfer/csv-contacts';
import { LAYOUT_NAMES } from '../../lib/transfer/csv-layouts';
import { interactionsToCsv, partiesToCsv } from '../../lib/transfer/csv-write';
import { calendarFor } from '../../lib/transfer/ics-write';
import {
  exportBackup,
  messageOf,
  readForExport,
  type Transport,
} from '../../lib/transfer/transfer-client';
import { partiesToVcards, type VcardVersion } from '../../lib/transfer/vcard-write';
import { t, tCount } from '../../lib/platform/i18n';
import { downloadFile, leftOutWords, number } from './data/format';
import { ImportFlow } from './data/ImportFlow';
import { RestorePicker } from './data/RestorePicker';
import { say } from '../../lib/ui/ui-text';

export interface DataSectionProps {
  /** How to reach the background; the extension's messaging unless a test passes its own. */
  transport?: Transport;
  /** How to hand a file to the user; a download unless a test passes its own. */
  save?: (fileName: string, text: string, type: string) => void;
  now?: () => Date;
}

/** Backup, restore, import and export, with no props needed. */
export function DataSection({
  transport = sendMessage,
  save = downloadFile,
  now = () => new Date(),
}: DataSectionProps) {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (label: string, work: () => Promise<string>) => {
    setBusy(label);
    setStatus(null);
    try {
      setStatus({ text: await work() });
    } catch (error) {
      setStatus({ text: say(messageOf(error)), error: true });
    } finally {
      setBusy(null);
    }
  };

  const day = () => now().toISOString().slice(0, 10);
  const backUp = () =>
    run(t('options_backing_up'), async () => {
      const text = await exportBackup(transport, now(), ({ done, total }) =>
        setBusy(t('options_backing_up_progress', number(done), number(total))),
      );
      save(`clientele-backup-${day()}.json`, text, 'application/json');
      await recordBackup(now().getTime());
      return t('options_backup_saved');
    });
  const exportParties = (format: 'csv' | ContactsLayout | VcardVersion) =>
    run(t('options_exporting'), async () => {
      const { parties } = await readForExport(transport, ['parties']);
      if (format === 'csv')
        save(`clientele-contacts-${day()}.csv`, partiesToCsv(parties), 'text/csv');
      else if (format === 'google' || format === 'outlook') {
        const { text, leftOut } = partiesToContactsCsv(parties, format);
        save(`clientele-contacts-${format}-${day()}.csv`, text, 'text/csv');
        // What the layout had no column for is said, never dropped silently.
        const left = leftOutWords(leftOut, LAYOUT_NAMES[format]);
        return [tCount('options_exported_contacts', parties.length), left].join(' ').trim();
      } else
        save(`clientele-contacts-${day()}.vcf`, partiesToVcards(parties, format), 'text/vcard');
      return tCount('options_exported_contacts', parties.length);
    });
  const exportInteractions = () =>
    run(t('options_exporting'), async () => {
      const { parties, interactions } = await readForExport(transport, ['parties', 'interactions']);
      const byId = new Map(parties.map((p) => [p.id, p]));
      save(
        `clientele-interactions-${day()}.csv`,
        interactionsToCsv(interactions, (id) => byId.get(id)),
        'text/csv',
      );
      return tCount('options_exported_interactions', interactions.length);
    });
  const exportCalendar = () =>
    run(t('options_exporting'), async () => {
      const { parties, followUps } = await readForExport(transport, ['parties', 'followUps']);
      const text = calendarFor({ parties, followUps, now: now().getTime() });
      save(`clientele-calendar-${day()}.ics`, text, 'text/calendar');
      const events = (text.match(/BEGIN:VEVENT/g) ?? []).length;
      return tCount('options_exported_dates', events);
    });

  return (
    <section
      class="options-section data-section"
      data-testid="data-section"
      aria-labelledby="data-section-heading"
    >
      <h2 id="data-section-heading">{t('options_section_data')}</h2>
      <p class="muted">{t('options_data_intro')}</p>

      <div class="data-group">
        <h3>{t('options_backup_heading')}</h3>
        <button
          type="button"
          data-testid="backup-export"
          disabled={busy !== null}
          onClick={() => void backUp()}
        >
          {t('options_backup_button')}
        </button>
        <RestorePicker
          transport={transport}
          disabled={busy !== null}
          onDone={(text, error) => setStatus({ text, error })}
        />
      </div>

      <ImportFlow transport={transport} />

      <div class="data-group">
        <h3>{t('options_export_heading')}</h3>
        <div class="data-buttons">
          <button
            type="button"
            data-testid="export-csv"
            disabled={busy !== null}
            onClick={() => void exportParties('csv')}
          >
            {t('options_export_csv')}
          </button>
          <button
            type="button"
            data-testid="export-csv-google"
            disabled={busy !== null}
            onClick={() => void exportParties('google')}
          >
            {t('options_export_google')}
          </button>
          <button
            type="button"
            data-testid="export-csv-outlook"
            disabled={busy !== null}
            onClick={() => void exportParties('outlook')}
          >
            {t('options_export_outlook')}
          </button>
          <button
            type="button"
            data-testid="export-interactions"
            disabled={busy !== null}
            onClick={() => void exportInteractions()}
          >
            {t('options_export_interactions')}
          </button>
          <button
            type="button"
            data-testid="export-vcard"
            disabled={busy !== null}
            onClick={() => void exportParties('4.0')}
          >
            {t('options_export_vcard')}
          </button>
          <button
            type="button"
            data-testid="export-vcard3"
            disabled={busy !== null}
            onClick={() => void exportParties('3.0')}
          >
            {t('options_export_vcard3')}
          </button>
          <button
            type="button"
            data-testid="export-ics"
            disabled={busy !== null}
            onClick={() => void exportCalendar()}
          >
            {t('options_export_ics')}
          </button>
        </div>
      </div>

      <p class="data-status" role="status" aria-live="polite" data-testid="data-status">
        {busy ?? (status && !status.error ? status.text : '')}
      </p>
      {status?.error && (
        <p class="error" role="alert" data-testid="data-error">
          {status.text}
        </p>
      )}
    </section>
  );
}

export { downloadFile };
