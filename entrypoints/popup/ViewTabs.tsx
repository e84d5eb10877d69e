import { t, type MessageKey } from '../../lib/platform/i18n';
import type { View } from './views';

export interface ViewTabsProps {
  views: readonly { id: View; label: MessageKey }[];
  current: View;
  onChange: (view: View) => void;
}

/**
 * The popup's views as an ARIA tab list: arrow keys move between tabs (and select,
 * since each view is cheap), Home and End jump to the ends.
 */
export function ViewTabs({ views, current, onChange }: ViewTabsProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    const index = views.findIndex((view) => view.id === current);
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      Home: -index,
      End: views.length - 1 - index,
    };
    const move = step[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = views[(index + move + views.length) % views.length];
    if (!next) return;
    onChange(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <nav class="view-tabs" role="tablist" aria-label={t('extName')} onKeyDown={onKeyDown}>
      {views.map((view) => (
        <button
          key={view.id}
          type="button"
          role="tab"
          id={`tab-${view.id}`}
          aria-selected={view.id === current}
          aria-controls={`view-${view.id}`}
          tabIndex={view.id === current ? 0 : -1}
          data-testid={`view-${view.id}`}
          onClick={() => onChange(view.id)}
        >
          {t(view.label)}
        </button>
      ))}
    </nav>
  );
}
