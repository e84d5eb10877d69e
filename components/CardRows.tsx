import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ContactType } from '../lib/domain/card-fields';
import { t, type MessageKey } from '../lib/platform/i18n';
import { TYPE_WORDS, typeWords } from './type-words';
import {
  choiceOf,
  CUSTOM,
  emptyAddressRow,
  labelText,
  nextRowId,
  ROW_TYPES,
  withChoice,
  type AddressRow,
  type ValueRow,
} from '../lib/ui/card-rows';

// The record form's typed rows: emails, phones and websites (each with a type, an own
// label and a preferred one), and postal addresses. Every control sits in its label or
// carries one that names its row ("Type of phone 2"), so each row reads on its own.

/** The drop-down's choices; a combination the card gave is offered as it is, so it is kept. */
function typeOptions(row: { types: readonly ContactType[]; label?: string }): [string, string][] {
  const options: [string, string][] = [
    ['', t('card_typeNone')],
    ...ROW_TYPES.map((type): [string, string] => [type, t(TYPE_WORDS[type])]),
  ];
  if (row.label === undefined && row.types.length > 1)
    options.push([row.types.join(' '), typeWords(row)]);
  options.push([CUSTOM, t('card_typeCustom')]);
  return options;
}

/** A row's type drop-down and, when "own label" is chosen, the label's field. */
function TypeChoice<T extends { types: ContactType[]; label?: string }>({
  row,
  name,
  testId,
  onChange,
}: {
  row: T;
  name: string;
  testId: string;
  onChange: (row: T) => void;
}) {
  return (
    <>
      <select
        aria-label={t('edit_rowType', name)}
        value={choiceOf(row)}
        onChange={(e) => onChange(withChoice(row, e.currentTarget.value))}
        data-testid={`${testId}-type`}
      >
        {typeOptions(row).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {row.label !== undefined && (
        <input
          type="text"
          aria-label={t('edit_rowLabel', name)}
          maxLength={100}
          value={labelText(row.label)}
          onInput={(e) => onChange({ ...row, label: e.currentTarget.value })}
          data-testid={`${testId}-label`}
        />
      )}
    </>
  );
}

/** Moves the focus to the row just added (its first field), before it is painted. */
function useFocusAdded() {
  const [added, setAdded] = useState<number | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (added !== null) field.current?.focus();
  }, [added]);
  return { added, setAdded, field };
}

export interface ValueRowsProps {
  kind: 'email' | 'phone' | 'website';
  rows: ValueRow[];
  preferred: number;
  onChange: (rows: ValueRow[], preferred: number) => void;
}

const ROW_WORDS = {
  email: { legend: 'edit_emailRows', row: 'edit_rowEmail', add: 'edit_addEmail', type: 'email' },
  phone: { legend: 'edit_phoneRows', row: 'edit_rowPhone', add: 'edit_addPhone', type: 'tel' },
  website: { legend: 'edit_websites', row: 'edit_rowWebsite', add: 'edit_addWebsite', type: 'url' },
} as const;

/** Emails, phones or websites: a value, its type and a preferred marker per row. */
export function ValueRows({ kind, rows, preferred, onChange }: ValueRowsProps) {
  const words = ROW_WORDS[kind];
  const focus = useFocusAdded();
  const set = (i: number, row: ValueRow) =>
    onChange(
      rows.map((r, j) => (j === i ? row : r)),
      preferred,
    );
  const remove = (i: number) =>
    onChange(
      rows.filter((_, j) => j !== i),
      i === preferred ? 0 : i < preferred ? preferred - 1 : preferred,
    );
  const add = () => {
    const row: ValueRow = { id: nextRowId(), value: '', types: [] };
    focus.setAdded(row.id);
    onChange([...rows, row], rows.length === 0 ? 0 : preferred);
  };
  return (
    <fieldset class="card-rows" data-testid={`edit-${kind}s`}>
      <legend>{t(words.legend)}</legend>
      {rows.map((row, i) => {
        const name = t(words.row, i + 1);
        const testId = `edit-${kind}`;
        return (
          <div class="card-row" key={row.id} data-testid={`${testId}-row`}>
            <input
              type={words.type}
              aria-label={name}
              value={row.value}
              onInput={(e) => set(i, { ...row, value: e.currentTarget.value })}
              ref={row.id === focus.added ? focus.field : undefined}
              data-testid={`${testId}-value`}
            />
            <TypeChoice row={row} name={name} testId={testId} onChange={(next) => set(i, next)} />
            <label class="check preferred">
              <input
                type="radio"
                name={`preferred-${kind}`}
                checked={i === preferred}
                onChange={() => onChange(rows, i)}
                data-testid={`${testId}-preferred`}
              />
              {t('edit_rowPreferred')}
            </label>
            <button
              type="button"
              class="link"
              aria-label={t('edit_rowRemove', name)}
              onClick={() => remove(i)}
              data-testid={`${testId}-remove`}
            >
              {t('edit_remove')}
            </button>
          </div>
        );
      })}
      <button type="button" class="link" onClick={add} data-testid={`edit-${kind}-add`}>
        {t(words.add)}
      </button>
    </fieldset>
  );
}

type AddressText = 'street' | 'postalCode' | 'locality' | 'region' | 'country';

const ADDRESS_FIELDS: [AddressText, MessageKey, string][] = [
  ['street', 'edit_street', 'edit-street'],
  ['postalCode', 'edit_postalCode', 'edit-postal-code'],
  ['locality', 'edit_city', 'edit-city'],
  ['region', 'edit_region', 'edit-region'],
  ['country', 'edit_country', 'edit-country'],
];

export interface AddressRowsProps {
  rows: AddressRow[];
  onChange: (rows: AddressRow[]) => void;
}

/** Postal addresses, each in its own group with its type; a PO box or extended line is kept. */
export function AddressRows({ rows, onChange }: AddressRowsProps) {
  const focus = useFocusAdded();
  const set = (i: number, row: AddressRow) => onChange(rows.map((r, j) => (j === i ? row : r)));
  const add = () => {
    const row = emptyAddressRow();
    focus.setAdded(row.id);
    onChange([...rows, row]);
  };
  return (
    <div class="card-addresses">
      {rows.map((row, i) => {
        const name = t('edit_rowAddress', i + 1);
        return (
          <fieldset class="edit-address" key={row.id} data-testid="edit-address">
            <legend>{name}</legend>
            <div class="card-row">
              <TypeChoice
                row={row}
                name={name}
                testId="edit-address"
                onChange={(next) => set(i, next)}
              />
              <button
                type="button"
                class="link"
                aria-label={t('edit_rowRemove', name)}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
                data-testid="edit-address-remove"
              >
                {t('edit_remove')}
              </button>
            </div>
            {ADDRESS_FIELDS.map(([key, label, testId], j) => (
              <label key={key}>
                {t(label)}
                <input
                  type="text"
                  value={row[key] ?? ''}
                  onInput={(e) => set(i, { ...row, [key]: e.currentTarget.value })}
                  ref={j === 0 && row.id === focus.added ? focus.field : undefined}
                  data-testid={testId}
                />
              </label>
            ))}
          </fieldset>
        );
      })}
      <button type="button" class="link" onClick={add} data-testid="edit-address-add">
        {t('edit_addAddress')}
      </button>
    </div>
  );
}
