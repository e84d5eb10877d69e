import { t, type MessageKey } from '../../lib/platform/i18n';

/** One line for each permission group the running manifest asks for. */
export function PermissionsStep({ reasons }: { reasons: MessageKey[] }) {
  return (
    <>
      <p>{t('welcome_permissions_intro')}</p>
      <ul data-testid="welcome-permissions">
        {reasons.map((key) => (
          <li key={key} data-permission={key}>
            {t(key)}
          </li>
        ))}
      </ul>
    </>
  );
}
