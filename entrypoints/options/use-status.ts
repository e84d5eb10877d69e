import { t } from '../../lib/platform/i18n';
import { useMemo, useState } from 'preact/hooks';

export type StatusTone = 'idle' | 'saving' | 'saved' | 'error';

export interface Status {
  tone: StatusTone;
  text: string;
}

export interface StatusReport {
  saving: () => void;
  saved: (text: string) => void;
  failed: (text: string) => void;
}

/** The page's one status line: "Saving…", then what was saved, or what went wrong. */
export function useStatus(): [Status, StatusReport] {
  const [status, setStatus] = useState<Status>({
    tone: 'idle',
    text: t('options_status_idle'),
  });
  const report = useMemo<StatusReport>(
    () => ({
      saving: () => setStatus({ tone: 'saving', text: t('options_status_saving') }),
      saved: (text) => setStatus({ tone: 'saved', text }),
      failed: (text) => setStatus({ tone: 'error', text }),
    }),
    [],
  );
  return [status, report];
}
