import { ok } from '../../../lib/domain/result';
import {
  deleteService,
  listServices,
  restoreService,
  saveService,
  setServiceArchived,
} from '../../../lib/db/service-repository';
import type { serviceMessages } from '../../../lib/protocol/areas/services';
import type { HandlersFor } from '../../../lib/protocol/listener';
import type { BackgroundDeps } from './deps';

export function createServiceHandlers({
  repo,
}: BackgroundDeps): HandlersFor<typeof serviceMessages> {
  return {
    'services/list': async () => ok({ services: await listServices(repo.getDb) }),
    'services/save': (draft) => saveService(repo, draft),
    'services/archive': ({ id, archived }) => setServiceArchived(repo, id, archived),
    'services/delete': ({ id }) => deleteService(repo.getDb, id),
    'services/restore': (service) => restoreService(repo.getDb, service),
  };
}
