import { useMemo, useRef, useState } from 'preact/hooks';
import { amountInputValue, parseAmount } from '../../lib/domain/money-input';
import {
  isRecurring,
  PRICING_MODELS,
  type BillingPeriod,
  type PricingModel,
  type Service,
} from '../../lib/domain/service';
import type { ServiceDraft } from '../../lib/db/service-repository';
import { currencyOptions } from './currencies';
import { say } from '../../lib/ui/ui-text';
import { Field } from './Field';
import { PERIOD_LABELS, PRICING_LABELS, rateLabel } from './service-terms';
import { t } from '../../lib/platform/i18n';

export interface ServiceFormProps {
  /** The service being edited; a new one when absent. */
  service?: Service;
  /** Preselected for a new service; empty asks the user to choose. */
  defaultCurrency: string;
  locale?: string;
  /** Resolves to a problem to show, or null once saved. */
  onSubmit: (draft: ServiceDraft) => Promise<string | null>;
  onCancel: () => void;
}

type FieldName = 'name' | 'rate' | 'currency' | 'billingPeriod';
const PERIODS = Object.keys(PERIOD_LABELS) as BillingPeriod[];

/**
 * Adds or edits a catalogue entry. The amount is typed as people write it in their
 * language and stored exactly in the currency's minor unit. Enter saves, Escape
 * cancels; problems are named beside their fields and focus goes to the first.
 */
export function ServiceForm({
  service,
  defaultCurrency,
  locale,
  onSubmit,
  onCancel,
}: ServiceFormProps) {
  const [name, setName] = useState(service?.name ?? '');
  const [scope, setScope] = useState(service?.scope ?? '');
  const [model, setModel] = useState<PricingModel>(service?.terms.pricingModel ?? 'hourly');
  const [currency, setCurrency] = useState(service?.terms.rate.currency ?? defaultCurrency);
  const [rate, setRate] = useState(() =>
    service ? amountInputValue(service.terms.rate.amountMinor, currency, locale) : '',
  );
  const [period, setPeriod] = useState<BillingPeriod | ''>(service?.terms.billingPeriod ?? 'month');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const currencies = useMemo(() => currencyOptions(locale, currency), [locale, currency]);
  const recurring = isRecurring(model);

  const submit = async () => {
    const found: Partial<Record<FieldName, string>> = {};
    if (name.trim() === '') found.name = t('service_nameMissing');
    else if (name.trim().length > 200) found.name = t('service_nameLong');
    // How many decimals an amount may have depends on its currency.
    const amount = currency === '' ? null : parseAmount(rate, currency, locale);
    if (amount && !amount.ok) found.rate = say(amount.error.text);
    else if (amount && amount.value < 0) found.rate = t('service_rateNegative');
    if (currency === '') found.currency = t('service_currencyMissing');
    if (recurring && period === '') found.billingPeriod = t('service_periodMissing');
    setErrors(found);
    setFailure(null);
    const first = (['name', 'rate', 'currency', 'billingPeriod'] as const).find(
      (field) => found[field],
    );
    if (first || !amount?.ok) {
      form.current?.querySelector<HTMLElement>(`[name="${first ?? 'currency'}"]`)?.focus();
      return;
    }
    setSaving(true);
    const problem = await onSubmit({
      ...(service ? { id: service.id } : {}),
      name: name.trim(),
      scope,
      terms: {
        pricingModel: model,
        rate: { amountMinor: amount.value, currency },
        ...(recurring && period !== '' ? { billingPeriod: period } : {}),
      },
    });
    setSaving(false);
    setFailure(problem);
  };

  const errorId = (field: FieldName) => `service-${field}-error`;
  const describedBy = (field: FieldName) => (errors[field] ? errorId(field) : undefined);

  return (
    <form
      ref={form}
      class="service-form"
      data-testid="service-form"
      aria-label={service ? t('edit_label', service.name) : t('service_new')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <Field
        for="service-name"
        label={t('field_name')}
        error={errors.name}
        errorId={errorId('name')}
      >
        <input
          id="service-name"
          name="name"
          type="text"
          autoComplete="off"
          value={name}
          aria-invalid={Boolean(errors.name)}
          aria-describedby={describedBy('name')}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </Field>
      <div class="row">
        <Field for="service-model" label={t('service_pricing')}>
          <select
            id="service-model"
            name="pricingModel"
            value={model}
            onChange={(event) => setModel(event.currentTarget.value as PricingModel)}
          >
            {PRICING_MODELS.map((value) => (
              <option key={value} value={value}>
                {PRICING_LABELS[value]}
              </option>
            ))}
          </select>
        </Field>
        {recurring && (
          <Field
            for="service-period"
            label={t('service_billed')}
            error={errors.billingPeriod}
            errorId={errorId('billingPeriod')}
          >
            <select
              id="service-period"
              name="billingPeriod"
              value={period}
              aria-invalid={Boolean(errors.billingPeriod)}
              aria-describedby={describedBy('billingPeriod')}
              onChange={(event) => setPeriod(event.currentTarget.value as BillingPeriod)}
            >
              {PERIODS.map((value) => (
                <option key={value} value={value}>
                  {PERIOD_LABELS[value]}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <div class="row">
        <Field
          for="service-rate"
          label={rateLabel(model)}
          error={errors.rate}
          errorId={errorId('rate')}
        >
          <input
            id="service-rate"
            name="rate"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={rate}
            aria-invalid={Boolean(errors.rate)}
            aria-describedby={describedBy('rate')}
            onInput={(event) => setRate(event.currentTarget.value)}
          />
        </Field>
        <Field
          for="service-currency"
          label={t('service_currency')}
          error={errors.currency}
          errorId={errorId('currency')}
        >
          <select
            id="service-currency"
            name="currency"
            value={currency}
            aria-invalid={Boolean(errors.currency)}
            aria-describedby={describedBy('currency')}
            onChange={(event) => setCurrency(event.currentTarget.value)}
          >
            {currency === '' && <option value="">{t('service_choose')}</option>}
            {currencies.map(({ code, label }) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field for="service-scope" label={t('service_scope')}>
        <textarea
          id="service-scope"
          name="scope"
          rows={3}
          maxLength={5000}
          value={scope}
          aria-describedby="service-scope-hint"
          onInput={(event) => setScope(event.currentTarget.value)}
        />
        <p id="service-scope-hint" class="muted">
          {t('service_scopeHint')}
        </p>
      </Field>
      {failure && (
        <p class="field-error" role="alert">
          {failure}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving}>
          {service ? t('service_saveChanges') : t('service_add')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
