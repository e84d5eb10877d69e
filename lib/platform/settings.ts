import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { CadenceDefaultsSchema, DEFAULT_CADENCE } from '../domain/cadence';
import { RegionSchema } from '../domain/phone-schema';
import { EmailLogSettingsSchema, DEFAULT_EMAIL_LOG } from '../email/email-settings';
import { lazy } from '../domain/lazy';

export const SettingsSchema = lazy(() =>
  z.object({
    /** Region used to read national phone numbers (`(212) 555-0100` in US). */
    region: RegionSchema,
    cadence: CadenceDefaultsSchema,
    /** Addresses and domains that are never captured from any page. */
    neverCapture: z.array(z.string().max(320)).max(5000),
    /**
     * Highlight known contacts on sites other than webmail. Off unless the user turns it
     * on: a page's scripts can see what is highlighted (lib/findings/highlight-policy.ts).
     */
    highlightOnSites: z.boolean(),
    /**
     * Colour highlights by kind (client, customer…). Off unless the user turns it on: a
     * page's scripts can read the highlight names and colours, and so tell the kinds apart.
     */
    kindColours: z.boolean(),
    /** Whether and how the messages of webmail threads are logged (lib/email). */
    emailLog: EmailLogSettingsSchema,
  }),
);
export type Settings = z.infer<typeof SettingsSchema>;

/** The browser's own region (`en-GB` → `GB`), or US when it names none. */
export function defaultRegion(language: string | undefined): string {
  const region = language?.split('-')[1]?.toUpperCase();
  return region && /^[A-Z]{2}$/.test(region) ? region : 'US';
}

const settingsItem = storage.defineItem<unknown>('local:settings', { version: 1 });

/**
 * Settings are validated on every read: a value written by an older version, or
 * damaged, falls back field by field to the defaults instead of breaking the worker.
 */
export async function readSettings(): Promise<Settings> {
  const defaults: Settings = {
    region: defaultRegion(globalThis.navigator?.language),
    cadence: DEFAULT_CADENCE,
    neverCapture: [],
    highlightOnSites: false,
    kindColours: false,
    emailLog: DEFAULT_EMAIL_LOG,
  };
  const stored = await settingsItem.getValue();
  const parsed = SettingsSchema.partial().safeParse(stored ?? {});
  return parsed.success ? { ...defaults, ...parsed.data } : defaults;
}

export async function writeSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(SettingsSchema.parse(settings));
}

/** Calls back whenever the stored settings change, from this page or any other. */
export function watchSettings(callback: () => void): () => void {
  return settingsItem.watch(() => callback());
}

/**
 * Adds entries to the never-capture list ("forget and never capture again"): those
 * already there are not repeated, and the list's bound is kept.
 */
export async function addNeverCapture(entries: readonly string[]): Promise<void> {
  const settings = await readSettings();
  const list = [...settings.neverCapture];
  for (const entry of entries) if (entry && !list.includes(entry)) list.push(entry);
  await writeSettings({ ...settings, neverCapture: list.slice(0, 5000) });
}
