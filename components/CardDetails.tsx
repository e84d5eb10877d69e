import { formatCardDate } from '../lib/domain/card-format';
import { addressLines } from '../lib/ui/address-lines';
import type { Party } from '../lib/domain/party';
import { t } from '../lib/platform/i18n';
import { typeWords } from './type-words';

/**
 * The address-book side of a record (nickname, role, department, dates, postal
 * addresses, more websites), in the user's locale. All of it is page or file data:
 * rendered as text.
 */
export function CardDetails({ party, locale }: { party: Party; locale?: string }) {
  const work = [party.role, ...(party.organizationUnits ?? [])].filter(Boolean).join(' · ');
  const dates = [
    party.birthday && { key: 'birthday', label: t('card_birthday'), value: party.birthday },
    party.anniversary && {
      key: 'anniversary',
      label: t('card_anniversary'),
      value: party.anniversary,
    },
  ].filter((d): d is { key: string; label: string; value: string } => !!d);
  const addresses = party.addresses ?? [];
  if (
    !party.nickname &&
    !work &&
    dates.length === 0 &&
    addresses.length === 0 &&
    !party.moreWebsites?.length
  )
    return null;
  return (
    <div class="card-details" data-testid="card-details">
      {party.nickname && <p data-testid="party-nickname">“{party.nickname}”</p>}
      {work && (
        <p class="muted" data-testid="party-role">
          {work}
        </p>
      )}
      {dates.map((date) => (
        <p key={date.key} data-testid={`party-${date.key}`}>
          {t('card_labelled', date.label, formatCardDate(date.value, locale))}
        </p>
      ))}
      {addresses.map((address, i) => (
        <address key={i} data-testid="party-address">
          {typeWords(address) && (
            <span class="muted" data-testid="party-address-type">
              {t('card_labelled', typeWords(address), '')}
            </span>
          )}
          {addressLines(address, locale, (box) => t('card_po_box', box)).map((line, j) => (
            <span key={j} class="address-line">
              {line}
            </span>
          ))}
        </address>
      ))}
      {party.moreWebsites?.map((site) => (
        <p key={site} class="muted">
          {site}
        </p>
      ))}
    </div>
  );
}
