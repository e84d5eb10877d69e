import { t } from '../../lib/platform/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  readSettings,
  watchSettings,
  writeSettings,
  type Settings,
} from '../../lib/platform/settings';
import type { StatusReport } from './use-status';

function sameSettings(a: Settings, b: Settings): boolean {
  return (
    a.region === b.region &&
    a.highlightOnSites === b.highlightOnSites &&
    a.kindColours === b.kindColours &&
    JSON.stringify(a.emailLog) === JSON.stringify(b.emailLog) &&
    a.cadence.client === b.cadence.client &&
    a.cadence.customer === b.cadence.customer &&
    a.cadence.prospect === b.cadence.prospect &&
    a.cadence.former === b.cadence.former &&
    a.neverCapture.length === b.neverCapture.length &&
    a.neverCapture.every((entry, i) => entry === b.neverCapture[i])
  );
}

/**
 * The stored settings and a `save` that changes one part of them. Saves run one
 * after another, so two sections saved together never overwrite each other. A
 * change made elsewhere (another options tab, a restored backup) bumps
 * `generation`, which the page uses to show the new values.
 */
export function useSettings(report: StatusReport) {
  const [settings, setSettings] = useState<Settings>();
  const [generation, setGeneration] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  // What this page wrote lately: the change notices those writes cause are not news.
  const ours = useRef<Settings[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    const load = (fromElsewhere: boolean) =>
      readSettings().then(
        (stored) => {
          if (fromElsewhere && ours.current.some((own) => sameSettings(own, stored))) return;
          setSettings(stored);
          if (fromElsewhere) setGeneration((n) => n + 1);
        },
        (error: unknown) => setLoadError(t('options_settings_unreadable', String(error))),
      );
    void load(false);
    return watchSettings(() => void load(true));
  }, []);

  const save = (change: Partial<Settings>, what: string) => {
    report.saving();
    queue.current = queue.current.then(async () => {
      try {
        // Read just before writing, so a part saved by another section is kept.
        const next = { ...(await readSettings()), ...change };
        ours.current = [...ours.current.slice(-9), next];
        await writeSettings(next);
        setSettings(next);
        report.saved(t('options_saved', what));
      } catch (error) {
        report.failed(t('options_save_failed', what, problemOf(error)));
      }
    });
  };

  return { settings, generation, loadError, save };
}

function problemOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'issues' in error) {
    return t('options_value_refused');
  }
  return String(error);
}
