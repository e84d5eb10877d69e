import { t } from '../../lib/platform/i18n';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Result } from '../../lib/domain/result';
import type { Service } from '../../lib/domain/service';
import type { ServiceListing } from '../../lib/db/service-repository';
import { sendMessage } from '../../lib/platform/messaging';
import type { StatusReport } from './use-status';
import { say } from '../../lib/ui/ui-text';

/** The services catalogue, read and changed through the background, which owns the store. */
export function useServices(report: StatusReport) {
  const [listing, setListing] = useState<ServiceListing[]>();
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const read = await sendMessage('services/list', {});
    if (read.ok) {
      setListing(read.value.services);
      setLoadError(null);
    } else {
      setLoadError(t('options_catalogue_unreadable', say(read.error.message)));
    }
  }, []);

  useEffect(() => void reload(), [reload]);

  /** Runs one change, then shows the catalogue as stored and says what happened. */
  const change = async (
    call: Promise<Result<Service>>,
    said: (service: Service) => string,
  ): Promise<Result<Service>> => {
    report.saving();
    const done = await call;
    if (done.ok) {
      await reload();
      report.saved(said(done.value));
    } else {
      report.failed(say(done.error.message));
    }
    return done;
  };

  return {
    listing,
    loadError,
    save: (draft: Parameters<typeof sendMessage<'services/save'>>[1]) =>
      change(sendMessage('services/save', draft), (s) => t('options_service_saved', s.name)),
    archive: (id: string, archived: boolean) =>
      change(sendMessage('services/archive', { id, archived }), (s) =>
        archived ? t('options_service_archived', s.name) : t('options_service_offered', s.name),
      ),
    remove: (id: string) =>
      change(sendMessage('services/delete', { id }), (s) => t('options_service_deleted', s.name)),
    restore: (service: Service) =>
      change(sendMessage('services/restore', service), (s) => t('options_service_back', s.name)),
  };
}
