import { t, type MessageKey } from '../lib/platform/i18n';
import type { CardDetails } from '../lib/ui/card-draft';
import { CardDateField } from './CardDateField';
import { AddressRows, ValueRows } from './CardRows';
import { NamePartFields } from './NamePartFields';

// The add form's "More details": what a contacts app keeps about someone, with the
// edit form's own rows (CardRows.tsx), so a party can be added whole, not only named.

type TextKey = 'organizationName' | 'title' | 'role' | 'units' | 'anniversary';

export interface AddDetailsProps {
  details: CardDetails;
  onChange: (details: CardDetails) => void;
}

export function AddDetails({ details, onChange }: AddDetailsProps) {
  const set = <K extends keyof CardDetails>(key: K, value: CardDetails[K]) =>
    onChange({ ...details, [key]: value });
  const text = (key: TextKey, label: MessageKey, testId: string) => (
    <label>
      {t(label)}
      <input
        type="text"
        value={details[key]}
        maxLength={500}
        onInput={(e) => set(key, e.currentTarget.value)}
        data-testid={testId}
      />
    </label>
  );
  const list = (kind: 'email' | 'phone' | 'website') => {
    const key = `${kind}s` as const;
    return (
      <ValueRows
        kind={kind}
        rows={details[key].rows}
        preferred={details[key].preferred}
        onChange={(rows, preferred) => set(key, { rows, preferred })}
      />
    );
  };
  return (
    <>
      <NamePartFields
        parts={details.nameParts}
        onChange={(parts) => set('nameParts', parts)}
        testId="add-sender-name"
      />
      <div class="row">
        {text('organizationName', 'field_organization', 'add-sender-organization')}
        {text('title', 'field_title', 'add-sender-title')}
      </div>
      <div class="row">
        {text('units', 'edit_department', 'add-sender-units')}
        {text('role', 'edit_role', 'add-sender-role')}
      </div>
      {list('email')}
      {list('phone')}
      {list('website')}
      <div class="row">
        <CardDateField
          label={t('card_anniversary')}
          value={details.anniversary}
          onInput={(value) => set('anniversary', value)}
          testId="add-sender-anniversary"
        />
      </div>
      <AddressRows rows={details.addresses} onChange={(rows) => set('addresses', rows)} />
    </>
  );
}
