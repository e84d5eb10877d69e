import type { BackgroundDeps } from './handlers';

/**
 * Check-ins and follow-ups coming due: alarms wake the worker, which raises one
 * digest notification. Listeners are added at the top of the worker.
 */
export function registerReminders(_deps: BackgroundDeps): void {}
