import { useEffect, useRef } from 'preact/hooks';
import './undo-notice.css';
import { t } from '../../lib/platform/i18n';

export interface UndoNoticeProps {
  /** What just happened, e.g. "Removed boss@home.example." */
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/**
 * Shown after a click that destroyed something. Focus moves to Undo, so a keyboard
 * user who removed the wrong thing is one key press from getting it back, and Tab
 * carries on from there; Escape dismisses it.
 */
export function UndoNotice({ message, onUndo, onDismiss }: UndoNoticeProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), [message]);
  return (
    <p
      class="undo-notice"
      data-testid="undo-notice"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDismiss();
      }}
    >
      <span>{message}</span>{' '}
      <button type="button" ref={button} onClick={onUndo} data-testid="undo">
        {t('undo_button')}
      </button>{' '}
      <button type="button" class="link" aria-label={t('undo_dismiss')} onClick={onDismiss}>
        ✕
      </button>
    </p>
  );
}
