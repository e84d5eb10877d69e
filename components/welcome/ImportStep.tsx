import { t } from '../../lib/platform/i18n';

/** The formats Clientele reads, and the way to the options page's import. */
export function ImportStep({ importUrl }: { importUrl: string }) {
  return (
    <>
      <p>{t('welcome_import_intro')}</p>
      <ul>
        <li>{t('welcome_import_google')}</li>
        <li>{t('welcome_import_outlook')}</li>
        <li>{t('welcome_import_vcard')}</li>
        <li>{t('welcome_import_linkedin')}</li>
        <li>{t('welcome_import_backup')}</li>
      </ul>
      <p>
        <a href={importUrl} data-testid="welcome-import">
          {t('welcome_import_link')}
        </a>{' '}
        <span class="muted">{t('welcome_import_nothing')}</span>
      </p>
    </>
  );
}
