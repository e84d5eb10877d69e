import { browser } from 'wxt/browser';

/** The match pattern that grants one site (`https://acme.example/*`), or null for pages we may never scan. */
export function sitePattern(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, host } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? `${protocol}//${host}/*` : null;
  } catch {
    return null;
  }
}

export async function hasSiteAccess(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] });
}

/**
 * Asks the user to let Clientele scan this site on every visit. Must run from a
 * click (browsers only show permission prompts for a user gesture). The background
 * hears the grant and registers the scanner for the site.
 */
export async function requestSiteAccess(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

export async function revokeSiteAccess(pattern: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [pattern] });
}

/**
 * The sites scanned on every visit: those the manifest grants at install (webmail)
 * and those the user added with "always scan this site", as match patterns.
 */
export async function listSiteAccess(): Promise<{ builtIn: string[]; granted: string[] }> {
  // Manifest V3 lists host access apart; Firefox's Manifest V2 build lists it among
  // `permissions`, beside API names, which are not match patterns.
  const manifest = browser.runtime.getManifest() as {
    host_permissions?: string[];
    permissions?: string[];
  };
  const builtIn = manifest.host_permissions ?? (manifest.permissions ?? []).filter(isMatchPattern);
  const { origins = [] } = await browser.permissions.getAll();
  return { builtIn, granted: origins.filter((origin) => !builtIn.includes(origin)) };
}

/**
 * Match patterns without the one granted for the sync server (`https://dav.example/*`,
 * asked at sync setup): that origin is for sync to reach, not a site read on visits.
 */
export function exceptSyncServer(patterns: string[], server: string | undefined): string[] {
  const origin = server === undefined ? undefined : originOf(server);
  if (origin === undefined) return patterns;
  return patterns.filter((pattern) => originOf(pattern.replace(/\*$/, '')) !== origin);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function isMatchPattern(permission: string): boolean {
  return permission === '<all_urls>' || permission.includes('://');
}

/** Calls back when a site is granted or revoked, from this page or any other. */
export function watchSiteAccess(callback: () => void): () => void {
  const listener = () => callback();
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}
