import { useLayoutEffect } from 'preact/hooks';

/**
 * Calls `onEscape` when Escape is pressed anywhere in the page while `active`, the
 * body included: a view that has just replaced the focused element leaves the focus
 * there, where no handler inside the app would hear the key. A form that keeps its
 * own Escape stops the event first. Listening starts before the view is painted (a
 * layout effect), so Escape works from the first frame it shows.
 */
export function useEscape(onEscape: () => void, active = true): void {
  useLayoutEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onEscape();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onEscape, active]);
}
