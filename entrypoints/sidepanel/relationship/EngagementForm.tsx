import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../../lib/platform/messaging';
import type { Response } from '../../../lib/protocol/messages';
import { parseAmount } from '../../../lib/ui/amount-input';
import { describeTerms } from '../../../lib/ui/engagement-terms';
import { localDay } from '../../../lib/ui/local-day';
import { AmountFields, DealingFormEnd } from './DealingFormParts';
import { DateField, SelectField } from '../../../components/FormParts';
import type { Send, Suggestion } from './SuggestionNotice';

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
const MODELS: [PricingModel, string][] = [
  ['retainer', 'Retainer'],
  ['hourly', 'Hourly'],
  ['fixed-fee', 'Fixed fee'],
  ['subscription', 'Subscription'],
  ['one-time', 'One-time'],
];
const PERIODS: [Period, string][] = [
  ['week', 'Week'],
  ['month', 'Month'],
  ['quarter', 'Quarter'],
  ['year', 'Year'],
];
const STATUSES: [Status, string][] = [
  ['proposed', 'Proposed'],
  ['active', 'Active'],
  ['paused', 'Paused'],
  ['ended', 'Ended'],
];
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
    if (!startOn) return setProblem('Enter the start date.');
    let source: { serviceId: string } | { serviceName: string; terms: Service['terms'] };
    if (chosen) source = { serviceId: chosen.id };
    else {
      if (name.trim() === '')
        return setProblem('Name the service, or choose one from the catalogue.');
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
    if (!result.ok) return setProblem(result.error.message);
    const { engagement, followUp } = result.value;
    const message = `Saved “${engagement.serviceName}”.${followUp ? ` A renewal follow-up is set for ${new Date(followUp.dueAt).toLocaleDateString()}.` : ''}`;
    setSuggestion(result.value.suggestion);
    setSaved(message);
    onSaved?.(message);
  };

  return (
    <form
      class="engagement-form"
      data-testid="engagement-form"
      onSubmit={(e) => void submit(e)}
      aria-label="Record an engagement"
    >
      <label>
        Service
        <select
          value={serviceId}
          onChange={(e) => setServiceId(e.currentTarget.value)}
          data-testid="engagement-service"
        >
          <option value={AD_HOC}>Something else (enter the terms)</option>
          {catalogue.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name} — {describeTerms(service.terms)}
            </option>
          ))}
        </select>
      </label>
      {!chosen && (
        <fieldset>
          <legend class="muted">Terms</legend>
          <label>
            Name
            <input
              type="text"
              value={name}
              maxLength={200}
              onInput={(e) => setName(e.currentTarget.value)}
              data-testid="engagement-name"
            />
          </label>
          <div class="row">
            <SelectField label="Pricing" value={model} options={MODELS} onChange={setModel} />
            <AmountFields
              label="Rate"
              amount={rate}
              onAmount={setRate}
              currency={currency}
              onCurrency={setCurrency}
              amountTestId="engagement-rate"
            />
            {recurs(model) && (
              <SelectField label="Every" value={period} options={PERIODS} onChange={setPeriod} />
            )}
          </div>
        </fieldset>
      )}
      <div class="row">
        <DateField
          label="Starts"
          value={startOn}
          onChange={setStartOn}
          required
          testId="engagement-start"
        />
        <DateField label="Ends" value={endOn} onChange={setEndOn} />
        <DateField label="Renews" value={renewOn} onChange={setRenewOn} />
      </div>
      <SelectField label="Status" value={status} options={STATUSES} onChange={setStatus} />
      <label>
        Scope notes
        <textarea
          value={scopeNotes}
          maxLength={20_000}
          rows={3}
          onInput={(e) => setScopeNotes(e.currentTarget.value)}
        />
      </label>
      <DealingFormEnd
        name="engagement"
        submitLabel="Save engagement"
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
