import type { ComponentChildren, Ref } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface DisclosureButtonProps {
  label: string;
  expanded: boolean;
  /** The id of the panel the button opens. */
  controls: string;
  onToggle: () => void;
  primary?: boolean;
  testId?: string;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** A button that shows or hides a panel below it, saying which it is to assistive tech. */
export function DisclosureButton({
  label,
  expanded,
  controls,
  onToggle,
  primary,
  testId,
  buttonRef,
}: DisclosureButtonProps) {
  return (
    <button
      type="button"
      ref={buttonRef}
      class={primary ? 'primary' : undefined}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      onClick={onToggle}
      data-testid={testId}
    >
      {label}
    </button>
  );
}

export interface DisclosurePanelProps {
  id: string;
  /** The panel's accessible name. */
  label: string;
  onClose: () => void;
  children: ComponentChildren;
}

/**
 * The panel a DisclosureButton opens: its first field takes the focus, and Escape
 * closes it. Escape stops here, so it does not also take the side panel back a view.
 */
export function DisclosurePanel({ id, label, onClose, children }: DisclosurePanelProps) {
  const panel = useRef<HTMLDivElement>(null);
  // A layout effect: the focus moves as the panel appears, before a key can land elsewhere.
  useLayoutEffect(() => {
    panel.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, []);
  return (
    <div
      id={id}
      ref={panel}
      role="region"
      aria-label={label}
      class="disclosure-panel"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      {children}
    </div>
  );
}
