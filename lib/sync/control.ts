import type {
  SyncChooseRequest,
  SyncConnectRequest,
  SyncConnectResponse,
  SyncStatus,
} from '../protocol/areas/sync';

/**
 * What the background's sync messages ask of the sync service. The worker passes
 * the real one (storage, alarms, the engine); tests pass fakes.
 */
export interface SyncControl {
  status(): Promise<SyncStatus>;
  connect(request: SyncConnectRequest): Promise<SyncConnectResponse>;
  choose(request: SyncChooseRequest): Promise<SyncStatus>;
  now(): Promise<SyncStatus>;
  disconnect(forget: boolean): Promise<SyncStatus>;
}

const OFF: SyncStatus = { state: 'off', pending: 0 };

/** Sync with no account and no way to make one: every answer says so. */
export const syncUnavailable: SyncControl = {
  status: () => Promise.resolve(OFF),
  connect: () =>
    Promise.resolve({
      ok: false,
      code: 'server',
      message: 'Sync is not available in this build.',
    }),
  choose: () => Promise.resolve(OFF),
  now: () => Promise.resolve(OFF),
  disconnect: () => Promise.resolve(OFF),
};
