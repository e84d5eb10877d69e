import { t } from '../../lib/platform/i18n';
import { useEffect, useState } from 'preact/hooks';
import {
  listSiteAccess,
  requestSiteAccess,
  revokeSiteAccess,
  sitePattern,
  watchSiteAccess,
} from '../../lib/platform/site-access';
import type { StatusReport } from './use-status';

/** The sites read on every visit, kept current as grants change anywhere. */
export function useSiteAccess(report: StatusReport) {
  const [access, setAccess] = useState<{ builtIn: string[]; granted: string[] }>();

  useEffect(() => {
    const load = () =>
      void listSiteAccess().then(setAccess, (error: unknown) =>
        report.failed(t('options_sites_unreadable', String(error))),
      );
    load();
    return watchSiteAccess(load);
  }, [report]);

  /** Must run straight from a click: browsers prompt for a site only during a user gesture. */
  const grant = async (site: string): Promise<string | null> => {
    const text = site.trim();
    const pattern = sitePattern(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    const host = pattern ? new URL(pattern.replace('/*', '/')).host : '';
    if (!pattern || !(host.includes('.') || host.startsWith('localhost'))) {
      return t('options_site_not_address', text);
    }
    if (access?.builtIn.includes(pattern) || access?.granted.includes(pattern)) {
      return t('options_site_builtin', host);
    }
    try {
      if (!(await requestSiteAccess(pattern))) return t('options_site_not_allowed', host);
    } catch (error) {
      return t('options_site_refused', host, String(error));
    }
    report.saved(t('options_site_added', host));
    setAccess(await listSiteAccess());
    return null;
  };

  const revoke = async (pattern: string): Promise<boolean> => {
    report.saving();
    try {
      const removed = await revokeSiteAccess(pattern);
      if (!removed) throw new Error('the browser kept it');
      setAccess(await listSiteAccess());
      report.saved(t('options_site_removed'));
      return true;
    } catch (error) {
      report.failed(t('options_site_remove_failed', String(error)));
      return false;
    }
  };

  return { access, grant, revoke };
}
