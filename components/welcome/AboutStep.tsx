import { t } from '../../lib/platform/i18n';

/** What Clientele does, what it reads, and what it never does. */
export function AboutStep() {
  return (
    <>
      <p>
        {t('welcome_about_1')} {t('welcome_about_2')} {t('welcome_about_3')}
      </p>
      <h3>{t('welcome_reads_heading')}</h3>
      <ul>
        <li>{t('welcome_reads_webmail')}</li>
        <li>{t('welcome_reads_sites')}</li>
        <li>{t('welcome_reads_never_fields')}</li>
      </ul>
      <h3>{t('welcome_never_heading')}</h3>
      <ul>
        <li>{t('welcome_never_server')}</li>
        <li>{t('welcome_never_requests')}</li>
      </ul>
    </>
  );
}
