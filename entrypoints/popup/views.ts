export type View = 'page' | 'search' | 'due';

export const VIEWS: readonly { id: View; label: string }[] = [
  { id: 'page', label: 'On this page' },
  { id: 'search', label: 'Search' },
  { id: 'due', label: 'Due' },
];

/** The view named by `?view=`, or the page's contacts. */
export function initialView(search: string): View {
  const wanted = new URLSearchParams(search).get('view');
  return VIEWS.find((view) => view.id === wanted)?.id ?? 'page';
}
