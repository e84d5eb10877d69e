import { useEffect } from 'preact/hooks';

/**
 * `options.html?tab=sync` opens the page at that section (the popup's sync status
 * links there): it is scrolled into view and its heading takes focus, so keyboard
 * and screen-reader users start where they were sent. Sections that render later
 * (after their data arrives) are waited for, briefly, with the DOM's own signal.
 */
export function useSectionFromUrl(search: string, root: ParentNode = document): void {
  useEffect(() => {
    const id = new URLSearchParams(search).get('tab');
    if (!id || !/^[a-z-]+$/.test(id)) return;
    const reveal = () => {
      const section = root.querySelector<HTMLElement>(`#${id}`);
      if (!section) return false;
      const heading = section.querySelector<HTMLElement>('h2') ?? section;
      heading.tabIndex = -1;
      section.scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
      return true;
    };
    if (reveal()) return;
    const watcher = new MutationObserver(() => reveal() && watcher.disconnect());
    watcher.observe(document.body, { childList: true, subtree: true });
    return () => watcher.disconnect();
  }, [search, root]);
}
