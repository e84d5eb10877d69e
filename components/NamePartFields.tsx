import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../lib/platform/i18n';
import { NAME_PART_KEYS, type NamePartKey } from '../lib/ui/card-draft';

// vCard's N, in reading order: the add form's "More details" and the edit form both
// show these five fields, so a name entered in one reads the same in the other.

const NAME_PART_WORDS: Record<NamePartKey, MessageKey> = {
  prefix: 'edit_namePrefix',
  given: 'edit_givenName',
  additional: 'edit_additionalName',
  family: 'edit_familyName',
  suffix: 'edit_nameSuffix',
};

export interface NamePartFieldsProps {
  parts: Record<NamePartKey, string>;
  onChange: (parts: Record<NamePartKey, string>) => void;
  /** Each field's test id is `${testId}-${part}`; the group's is `${testId}-parts`. */
  testId: string;
  /** A note shown under the fields, read out as it appears. */
  children?: ComponentChildren;
}

export function NamePartFields({ parts, onChange, testId, children }: NamePartFieldsProps) {
  return (
    <fieldset class="name-parts" data-testid={`${testId}-parts`}>
      <legend>{t('edit_nameParts')}</legend>
      {NAME_PART_KEYS.map((part) => (
        <label key={part}>
          {t(NAME_PART_WORDS[part])}
          <input
            type="text"
            value={parts[part]}
            maxLength={500}
            onInput={(e) => onChange({ ...parts, [part]: e.currentTarget.value })}
            data-testid={`${testId}-${part}`}
          />
        </label>
      ))}
      {/* Always there, so a note that appears is announced (a live region must exist first). */}
      <p class="muted note" role="status" data-testid={`${testId}-parts-note`}>
        {children}
      </p>
    </fieldset>
  );
}
