import { browser } from 'wxt/browser';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BrandMark } from '../../components/BrandMark';
import { RegionSection } from '../../components/options/RegionSection';
import { AboutStep } from '../../components/welcome/AboutStep';
import { ImportStep } from '../../components/welcome/ImportStep';
import { PermissionsStep } from '../../components/welcome/PermissionsStep';
import { TryStep } from '../../components/welcome/TryStep';
import { WelcomeNav } from '../../components/welcome/WelcomeNav';
import { YouStep } from '../../components/welcome/YouStep';
import { t, uiLanguage } from '../../lib/platform/i18n';
import { readWelcomeProgress, saveWelcomeProgress } from '../../lib/platform/welcome-progress';
import {
  permissionReasons,
  stepFrom,
  STEP_HEADINGS,
  WELCOME_STEPS,
  type WelcomeStep,
} from '../../lib/ui/welcome-steps';
import { useSettings } from '../options/use-settings';
import { useStatus } from '../options/use-status';

const optionsUrl = (section: string) => browser.runtime.getURL(`/options.html#${section}`);

/**
 * The first-run page: opened on install, and from the options later. Each step is
 * saved as it is shown, so closing the page at any step and reopening it goes on
 * from there. Moving between steps puts focus on the new step's heading, so that
 * a keyboard or screen-reader user is told where they are.
 */
export function App() {
  const [step, setStep] = useState<WelcomeStep>();
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const [, report] = useStatus();
  const { settings, save } = useSettings(report);

  useEffect(() => {
    void readWelcomeProgress().then((progress) =>
      setStep(progress.finished ? 'about' : progress.step),
    );
  }, []);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);

  if (!step) return <main class="welcome" aria-busy="true" />;

  const go = (next: WelcomeStep) => {
    moved.current = true;
    setStep(next);
    void saveWelcomeProgress(next);
  };
  const close = async (finished: boolean) => {
    await saveWelcomeProgress(step, finished);
    const tab = await browser.tabs.getCurrent();
    if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
    else window.close();
  };
  const previous = stepFrom(step, -1);
  const next = stepFrom(step, 1);
  const position = WELCOME_STEPS.indexOf(step) + 1;

  return (
    <div class="welcome" data-testid="welcome" data-step={step}>
      <header class="welcome-header">
        <h1>
          <BrandMark size={28} />
          {t('welcome_title')}
        </h1>
        <button type="button" data-testid="welcome-close" onClick={() => void close(false)}>
          {t('welcome_close')}
        </button>
      </header>
      <WelcomeNav current={step} onChoose={go} />
      <main class="welcome-step" aria-labelledby="welcome-step-heading">
        <p class="muted">{t('welcome_step', position, WELCOME_STEPS.length)}</p>
        <h2 id="welcome-step-heading" tabIndex={-1} ref={heading}>
          {t(STEP_HEADINGS[step])}
        </h2>
        {step === 'about' && <AboutStep />}
        {step === 'permissions' && (
          <PermissionsStep reasons={permissionReasons(browser.runtime.getManifest())} />
        )}
        {step === 'import' && <ImportStep importUrl={optionsUrl('data')} />}
        {step === 'you' && (
          <YouStep
            addressesUrl={optionsUrl('email')}
            region={
              settings && (
                <RegionSection
                  region={settings.region}
                  locale={uiLanguage()}
                  onSave={(region) => save({ region }, t('region_heading'))}
                />
              )
            }
          />
        )}
        {step === 'try' && <TryStep demoUrl={DEMO_URL} />}
      </main>
      <footer class="welcome-footer">
        <p class="muted">{t('welcome_close_hint')}</p>
        <div class="welcome-buttons">
          {previous && (
            <button type="button" data-testid="welcome-back" onClick={() => go(previous)}>
              {t('welcome_back')}
            </button>
          )}
          {next ? (
            <button
              type="button"
              class="primary"
              data-testid="welcome-next"
              onClick={() => go(next)}
            >
              {t('welcome_next')}
            </button>
          ) : (
            <button
              type="button"
              class="primary"
              data-testid="welcome-done"
              onClick={() => void close(true)}
            >
              {t('welcome_done')}
            </button>
          )}
        </div>
      </footer>
    </div>
  );
}

declare const __CLIENTELE_DEMO_URL__: string | undefined;
/** A page to try Clientele on, when the build names one (`CLIENTELE_DEMO_URL`, wxt.config.ts). */
const DEMO_URL =
  typeof __CLIENTELE_DEMO_URL__ === 'string' && /^https?:\/\//.test(__CLIENTELE_DEMO_URL__)
    ? __CLIENTELE_DEMO_URL__
    : undefined;
