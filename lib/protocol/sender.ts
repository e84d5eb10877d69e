import type { Runtime } from 'webextension-polyfill';
import type { SenderRole } from './define';

/** This extension's id and origin (`chrome-extension://<id>/`), from the runtime. */
export interface OwnIdentity {
  id: string;
  origin: string;
}

/**
 * Content scripts must come from a tab and not from our own pages. Extension pages
 * are recognised by their URL, which the browser sets and a page cannot forge; they
 * may live in a tab (options, or a page opened with `?tab=`), so a tab alone
 * does not make a sender untrusted. Both must carry our own extension id.
 */
export function senderIsAllowed(
  role: SenderRole,
  sender: Runtime.MessageSender,
  identity: OwnIdentity,
): boolean {
  if (sender.id !== identity.id) return false;
  const fromOwnPage = typeof sender.url === 'string' && sender.url.startsWith(identity.origin);
  if (role === 'extension-page') return fromOwnPage;
  return sender.tab !== undefined && !fromOwnPage;
}
