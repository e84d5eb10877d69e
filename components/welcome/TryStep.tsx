import { t } from '../../lib/platform/i18n';

/** Where to see it work; the demo link shows when the build names a demo page. */
export function TryStep({ demoUrl }: { demoUrl: string | undefined }) {
  return (
    <>
      <p>{t('welcome_try_intro')}</p>
      {demoUrl && (
        <p>
          <a href={demoUrl} target="_blank" rel="noreferrer" data-testid="welcome-demo">
            {t('welcome_try_link')}
          </a>
        </p>
      )}
      <ul>
        <li>{t('welcome_try_pin')}</li>
        <li>{t('welcome_try_keys')}</li>
      </ul>
    </>
  );
}
