import { t } from '../lib/platform/i18n';

export interface SiteAccessProps {
  host: string;
  /** Undefined while unknown; webmail and granted sites are scanned on every visit. */
  granted: boolean | undefined;
  onGrant: () => void;
  onRevoke: () => void;
}

/** Whether this site is read on every visit or only when the popup opens, and a switch. */
export function SiteAccess({ host, granted, onGrant, onRevoke }: SiteAccessProps) {
  if (granted === undefined) return null;
  return (
    <p class="site-access muted" data-testid="site-access" data-granted={String(granted)}>
      {granted ? t('site_scanningAlways', host) : t('site_readOnOpen', host)}{' '}
      <button type="button" class="link" onClick={granted ? onRevoke : onGrant}>
        {granted ? t('site_stop') : t('site_alwaysScan')}
      </button>
    </p>
  );
}
