import { ok } from '../../../lib/domain/result';
import type { syncMessages } from '../../../lib/protocol/areas/sync';
import type { HandlersFor } from '../../../lib/protocol/listener';
import { syncUnavailable } from '../../../lib/sync/control';
import type { BackgroundDeps } from './deps';

export function createSyncHandlers({ sync }: BackgroundDeps): HandlersFor<typeof syncMessages> {
  const control = () => sync ?? syncUnavailable;
  return {
    'sync/status': async () => ok(await control().status()),
    'sync/connect': async (request) => ok(await control().connect(request)),
    'sync/choose': async (request) => ok(await control().choose(request)),
    'sync/now': async () => ok(await control().now()),
    'sync/disconnect': async ({ forget }) => ok(await control().disconnect(forget)),
  };
}
