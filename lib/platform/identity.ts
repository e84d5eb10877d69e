import { browser } from 'wxt/browser';
import type { OwnIdentity } from '../protocol/sender';

export function ownIdentity(): OwnIdentity {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
}
