import { t, uiLanguage, type MessageKey } from '../../../lib/platform/i18n';
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../../lib/platform/messaging';
import type { Response } from '../../../lib/protocol/messages';
import { parseAmount } from '../../../lib/ui/amount-input';
import { describeTerms } from '../../../lib/ui/engagement-terms';
import { localDay } from '../../../lib/ui/local-day';
import { AmountFields, DealingFormEnd } from './DealingFormParts';
import { DateField, SelectField } from '../../../components/FormParts';
import type { Send, Suggestion } from './SuggestionNotice';
import { say } from '../../../lib/ui/ui-text';

type Service = Response<'engagements/catalogue'>['services'][number];
type PricingModel = Service['terms']['pricingModel'];
type Period = NonNullable<Service['terms']['billingPeriod']>;
type Status = 'proposed' | 'active' | 'paused' | 'ended';

export interface EngagementFormProps {
  partyId: string;
  send?: Send;
  /** Called after the engagement is stored, with a sentence saying what was saved. */
  onSaved?: (message: string) => void;
  /** Given, the form offers a Cancel button. */
  onCancel?: () => void;
  /** Today as `YYYY-MM-DD` in the user's calendar, the start offered; injectable for tests. */
  today?: string;
}

const AD_HOC = '';
const MODELS: [PricingModel, MessageKey][] = [
  ['retainer', 'panel_model_retainer'],
  ['hourly', 'panel_model_hourly'],
  ['fixed-fee', 'panel_model_fixed_fee'],
  ['subscription', 'panel_model_subscription'],
  ['one-time', 'panel_model_one_time'],
];
const PERIODS: [Period, MessageKey][] = [
  ['week', 'panel_period_week'],
  ['month', 'panel_period_month'],
  ['quarter', 'panel_period_quarter'],
  ['year', 'panel_period_year'],
];
const STATUSES: [Status, MessageKey][] = [
  ['proposed', 'panel_status_proposed'],
  ['active', 'panel_status_active'],
  ['paused', 'panel_status_paused'],
  ['ended', 'panel_status_ended'],
];
/** A select's options, worded for the page's language. */
const worded = <T extends string>(options: [T, MessageKey][]): [T, string][] =>
  options.map(([value, key]) => [value, t(key)]);
const recurs = (model: PricingModel) => model === 'retainer' || model === 'subscription';

/**
 * Records an engagement: from the services catalogue (its terms are copied as they
 * stand today) or ad hoc, with dates, a status and scope notes. A renewal date
 * raises a follow-up 30 days ahead.
 */
export function EngagementForm({
  partyId,
  send = sendMessage,
  onSaved,
  onCancel,
  today = localDay(),
}: EngagementFormProps) {
  const [catalogue, setCatalogue] = useState<Service[]>([]);
  const [serviceId, setServiceId] = useState(AD_HOC);
  const [name, setName] = useState('');
  const [model, setModel] = useState<PricingModel>('retainer');
  const [rate, setRate] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [period, setPeriod] = useState<Period>('month');
  const [startOn, setStartOn] = useState(today);
  const [endOn, setEndOn] = useState('');
  const [renewOn, setRenewOn] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const [scopeNotes, setScopeNotes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    void send('engagements/catalogue', {}).then((result) => {
      if (result.ok) setCatalogue(result.value.services);
    });
  }, [send]);
  const chosen = catalogue.find((s) => s.id === serviceId);

  const adHocTerms = () => {
    const code = currency.trim().toUpperCase();
    const amount = parseAmount(rate, code, navigator.language);
    if (!amount.ok) return amount;
    const terms = {
      pricingModel: model,
      rate: { amountMinor: amount.value, currency: code },
      ...(recurs(model) ? { billingPeriod: period } : {}),
    };
    return { ok: true as const, value: terms };
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!startOn) return setProblem(t('panel_engagement_need_start'));
    let source: { serviceId: string } | { serviceName: string; terms: Service['terms'] };
    if (chosen) source = { serviceId: chosen.id };
    else {
      if (name.trim() === '') return setProblem(t('panel_engagement_need_name'));
      const terms = adHocTerms();
      if (!terms.ok) return setProblem(terms.error.message);
      source = { serviceName: name, terms: terms.value };
    }
    setProblem(null);
    setBusy(true);
    const result = await send('engagements/create', {
      partyId,
      ...source,
      startOn,
      status,
      scopeNotes,
      ...(endOn ? { endOn } : {}),
      ...(renewOn ? { renewOn } : {}),
    });
    setBusy(false);
    if (!result.ok) return setProblem(say(result.error.message));
    const { engagement, followUp } = result.value;
    const saved = t('panel_engagement_saved', engagement.serviceName);
    const renewal = followUp
      ? t(
          'panel_engagement_renewal',
          new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }).format(followUp.dueAt),
        )
      : '';
    const message = renewal ? `${saved} ${renewal}` : saved;
    setSuggestion(result.value.suggestion);
    setSaved(message);
    onSaved?.(message);
  };

  return (
    <form
      class="engagement-form"
      data-testid="engagement-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('panel_engagement_form')}
    >
      <label>
        {t('panel_service')}
        <select
          value={serviceId}
          onChange={(e) => setServiceId(e.currentTarget.value)}
          data-testid="engagement-service"
        >
          <option value={AD_HOC}>{t('panel_service_other')}</option>
          {catalogue.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name} — {describeTerms(service.terms)}
            </option>
          ))}
        </select>
      </label>
      {!chosen && (
        <fieldset>
          <legend class="muted">{t('panel_terms')}</legend>
          <label>
            {t('panel_name')}
            <input
              type="text"
              value={name}
              maxLength={200}
              onInput={(e) => setName(e.currentTarget.value)}
              data-testid="engagement-name"
            />
          </label>
          <div class="row">
            <SelectField
              label={t('panel_pricing')}
              value={model}
              options={worded(MODELS)}
              onChange={setModel}
            />
            <AmountFields
              label={t('panel_rate')}
              amount={rate}
              onAmount={setRate}
              currency={currency}
              onCurrency={setCurrency}
              amountTestId="engagement-rate"
            />
            {recurs(model) && (
              <SelectField
                label={t('panel_every')}
                value={period}
                options={worded(PERIODS)}
                onChange={setPeriod}
              />
            )}
          </div>
        </fieldset>
      )}
      <div class="row">
        <DateField
          label={t('panel_starts')}
          value={startOn}
          onChange={setStartOn}
          required
          testId="engagement-start"
        />
        <DateField label={t('panel_ends')} value={endOn} onChange={setEndOn} />
        <DateField label={t('panel_renews')} value={renewOn} onChange={setRenewOn} />
      </div>
      <SelectField
        label={t('panel_status')}
        value={status}
        options={worded(STATUSES)}
        onChange={setStatus}
      />
      <label>
        {t('panel_scope_notes')}
        <textarea
          value={scopeNotes}
          maxLength={20_000}
          rows={3}
          onInput={(e) => setScopeNotes(e.currentTarget.value)}
        />
      </label>
      <DealingFormEnd
        name="engagement"
        submitLabel={t('panel_save_engagement')}
        busy={busy}
        problem={problem}
        saved={saved}
        onCancel={onCancel}
        partyId={partyId}
        suggestion={suggestion}
        send={send}
      />
    </form>
  );
}
