import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/platform/i18n';
import { FormProblem } from './FormParts';

export interface EditFormProps {
  /** Names the form and its buttons: `${name}-form`, `${name}-save`, `${name}-cancel`. */
  name: string;
  /** The form's accessible name, saying which record is being corrected. */
  label: string;
  /** Why the last Save was refused, read out at once. */
  problem?: string | null;
  /** Save was pressed: check the fields and either call back with a patch or set a problem. */
  onSubmit: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}

/**
 * The frame every in-place correction shares (an interaction, a follow-up, an
 * engagement, a purchase): its fields take the focus as it opens, Escape or
 * Cancel leaves it unchanged, Save submits, and a refusal is said in words.
 */
export function EditForm({
  name,
  label,
  problem = null,
  onSubmit,
  onCancel,
  children,
}: EditFormProps) {
  const form = useRef<HTMLFormElement>(null);
  // Opened from an Edit button: the keyboard lands on the first field, not back on the page.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  return (
    <form
      ref={form}
      class={`edit-form ${name}`}
      data-testid={`${name}-form`}
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Handled here: an enclosing panel's Escape would close more than this form.
        event.stopPropagation();
        onCancel();
      }}
    >
      {children}
      <FormProblem problem={problem} />
      <button type="submit" class="primary" data-testid={`${name}-save`}>
        {t('tidy_save')}
      </button>{' '}
      <button type="button" data-testid={`${name}-cancel`} onClick={onCancel}>
        {t('tidy_cancel')}
      </button>
    </form>
  );
}

export interface InPlaceEditProps {
  /** Whether the record's form is showing instead of its Edit button. */
  open: boolean;
  onOpen: () => void;
  /** The Edit button's accessible name, saying which record it corrects. */
  label: string;
  testId: string;
  class?: string;
  /** The form, shown while open. */
  children: ComponentChildren;
}

/**
 * A listed record's Edit button, which gives way to its form. When the form closes
 * (saved or cancelled) the focus comes back to the button, so a keyboard user
 * carries on from the record they corrected.
 */
export function InPlaceEdit({
  open,
  onOpen,
  label,
  testId,
  class: className,
  children,
}: InPlaceEditProps) {
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (open) return <>{children}</>;
  return (
    <button
      type="button"
      ref={button}
      class={className ? `link ${className}` : 'link'}
      data-testid={testId}
      aria-label={label}
      onClick={onOpen}
    >
      {t('tidy_edit')}
    </button>
  );
}
