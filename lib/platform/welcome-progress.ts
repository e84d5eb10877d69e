import { z } from 'zod';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { WELCOME_STEPS, type WelcomeStep } from '../ui/welcome-steps';
import { lazy } from '../domain/lazy';

const ProgressSchema = lazy(() => z.object({ step: z.enum(WELCOME_STEPS), finished: z.boolean() }));
export type WelcomeProgress = z.infer<typeof ProgressSchema>;

const START: WelcomeProgress = { step: 'about', finished: false };
const progressItem = storage.defineItem<unknown>('local:welcome', { version: 1 });

/**
 * Where the user left the first-run page, so that reopening it (from the options)
 * goes on from there. Read like any stored value: damaged or older data starts over.
 */
export async function readWelcomeProgress(): Promise<WelcomeProgress> {
  const parsed = ProgressSchema.safeParse(await progressItem.getValue());
  return parsed.success ? parsed.data : START;
}

export async function saveWelcomeProgress(step: WelcomeStep, finished = false): Promise<void> {
  await progressItem.setValue(ProgressSchema.parse({ step, finished }));
}

/** Opens the first-run page in a new tab (on install, and from the options). */
export async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
