import type { MessageKey } from '../../lib/platform/i18n';

export type View = 'page' | 'search' | 'due';

export const VIEWS: readonly { id: View; label: MessageKey }[] = [
  { id: 'page', label: 'popup_view_page' },
  { id: 'search', label: 'popup_view_search' },
  { id: 'due', label: 'popup_view_due' },
];

/** The view named by `?view=`, or the page's contacts. */
export function initialView(search: string): View {
  const wanted = new URLSearchParams(search).get('view');
  return VIEWS.find((view) => view.id === wanted)?.id ?? 'page';
}
