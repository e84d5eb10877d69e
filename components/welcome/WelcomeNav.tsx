import { t } from '../../lib/platform/i18n';
import { STEP_HEADINGS, WELCOME_STEPS, type WelcomeStep } from '../../lib/ui/welcome-steps';

export interface WelcomeNavProps {
  current: WelcomeStep;
  onChoose: (step: WelcomeStep) => void;
}

/** Every step by name, so that any can be reached directly (and by Tab and Enter). */
export function WelcomeNav({ current, onChoose }: WelcomeNavProps) {
  return (
    <nav aria-label={t('welcome_steps_label')} class="welcome-nav">
      <ol>
        {WELCOME_STEPS.map((step) => (
          <li key={step}>
            <button
              type="button"
              class="link"
              data-testid={`welcome-goto-${step}`}
              aria-current={step === current ? 'step' : undefined}
              onClick={() => onChoose(step)}
            >
              {t(STEP_HEADINGS[step])}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
