import type { ComponentChildren } from 'preact';
import { t } from '../../lib/platform/i18n';

export interface YouStepProps {
  addressesUrl: string;
  /** The phone-region chooser, the options page's own. */
  region: ComponentChildren;
}

/** The user's own addresses (they decide an email's direction) and the phone region. */
export function YouStep({ addressesUrl, region }: YouStepProps) {
  return (
    <>
      <p>
        {t('welcome_you_addresses')}{' '}
        <a href={addressesUrl} data-testid="welcome-addresses">
          {t('welcome_you_addresses_link')}
        </a>
      </p>
      <p>{t('welcome_you_region')}</p>
      {region}
    </>
  );
}
