import { useRef, useState } from 'preact/hooks';
import { readNeverCaptureEntry, splitEntries } from './never-capture-entry';
import { UndoNotice } from './UndoNotice';
import { t } from '../../lib/platform/i18n';

export interface NeverCaptureSectionProps {
  entries: readonly string[];
  /** Stores the whole list; the section shows it at once and trusts the caller to report failures. */
  onSave: (entries: string[]) => void;
}

interface Removal {
  entry: string;
  index: number;
}

/**
 * Addresses and domains never captured from any page. Several can be pasted at once;
 * each is normalised the way pages' addresses are matched, so the list shows what
 * really applies. Removing one offers undo.
 */
export function NeverCaptureSection({ entries, onSave }: NeverCaptureSectionProps) {
  const [list, setList] = useState<string[]>([...entries]);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const store = (next: string[]) => {
    setList(next);
    onSave(next);
  };

  const add = () => {
    const parts = splitEntries(text);
    if (parts.length === 0) {
      setProblems([t('never_typeOne')]);
      return;
    }
    const added: string[] = [];
    const refused: string[] = [];
    const rejected: string[] = [];
    for (const part of parts) {
      const reading = readNeverCaptureEntry(part, [...list, ...added]);
      if (reading.ok) added.push(reading.entry);
      else {
        refused.push(reading.message);
        rejected.push(part);
      }
    }
    if (added.length > 0) store([...list, ...added]);
    setRemoval(null);
    setProblems(refused);
    // What could not be added stays in the field to be corrected.
    setText(rejected.join(', '));
  };

  const remove = (index: number) => {
    const entry = list[index];
    if (entry === undefined) return;
    store(list.filter((_, i) => i !== index));
    setRemoval({ entry, index });
  };

  const undo = () => {
    if (!removal) return;
    const next = [...list];
    next.splice(Math.min(removal.index, next.length), 0, removal.entry);
    store(next);
    setRemoval(null);
    input.current?.focus();
  };

  return (
    <section
      id="never-capture"
      class="options-section"
      aria-labelledby="never-capture-heading"
      data-testid="never-capture"
    >
      <h2 id="never-capture-heading">{t('never_heading')}</h2>
      <p class="muted">{t('never_intro')}</p>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label for="never-capture-input">{t('never_label')}</label>
        <input
          id="never-capture-input"
          ref={input}
          data-testid="never-capture-input"
          type="text"
          autoComplete="off"
          placeholder={t('never_placeholder')}
          value={text}
          aria-invalid={problems.length > 0}
          aria-describedby={problems.length > 0 ? 'never-capture-error' : undefined}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setProblems([]);
          }}
        />
        <button type="submit">{t('never_add')}</button>
        {problems.length > 0 && (
          <div id="never-capture-error" class="field-error" role="alert">
            {problems.map((problem) => (
              <p key={problem}>{problem}</p>
            ))}
          </div>
        )}
      </form>
      {removal && (
        <UndoNotice
          message={t('never_removed', removal.entry)}
          onUndo={undo}
          onDismiss={() => {
            setRemoval(null);
            input.current?.focus();
          }}
        />
      )}
      {list.length === 0 ? (
        <p class="empty">{t('never_empty')}</p>
      ) : (
        <ul class="plain-list" aria-label={t('never_listLabel')}>
          {list.map((entry, index) => (
            <li key={entry} class="list-row" data-testid="never-capture-entry">
              <span>{entry}</span>
              <button
                type="button"
                aria-label={t('never_removeNamed', entry)}
                onClick={() => remove(index)}
              >
                {t('thread_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
