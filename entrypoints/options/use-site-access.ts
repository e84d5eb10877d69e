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
        report.failed(`Site access could not be read: ${String(error)}`),
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
      return `“${text}” is not a web address like crm.example.com.`;
    }
    if (access?.builtIn.includes(pattern) || access?.granted.includes(pattern)) {
      return `${host} is already read on every visit.`;
    }
    try {
      if (!(await requestSiteAccess(pattern))) return `The browser did not allow ${host}.`;
    } catch (error) {
      return `The browser refused ${host}: ${String(error)}`;
    }
    report.saved(`${host} will be read on every visit.`);
    setAccess(await listSiteAccess());
    return null;
  };

  const revoke = async (pattern: string): Promise<boolean> => {
    report.saving();
    try {
      const removed = await revokeSiteAccess(pattern);
      if (!removed) throw new Error('the browser kept it');
      setAccess(await listSiteAccess());
      report.saved('Site removed. It is read again only when you open Clientele there.');
      return true;
    } catch (error) {
      report.failed(`The site could not be removed: ${String(error)}`);
      return false;
    }
  };

  return { access, grant, revoke };
}
