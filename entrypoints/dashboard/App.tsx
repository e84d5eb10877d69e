import { BrandMark } from '../../components/BrandMark';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { BarChart } from '../../components/charts/BarChart';
import { DonutChart } from '../../components/charts/DonutChart';
import { StackedBarChart } from '../../components/charts/StackedBarChart';
import type { Response } from '../../lib/protocol/messages';
import { watchBookChanged } from '../../lib/platform/book-changed';
import { sendMessage } from '../../lib/platform/messaging';
import { formatAmount } from '../../lib/ui/amount-input';
import { t, tCount, uiLanguage } from '../../lib/platform/i18n';
import { Duplicates } from './Duplicates';
import {
  healthLabel,
  kindLabel,
  monthLabel,
  shortMonthLabel,
  shortWeekLabel,
  stageLabel,
  weekLabel,
} from './labels';
import { say } from '../../lib/ui/ui-text';

type Figures = Response<'dashboard/figures'>;
type Load =
  | { state: 'loading' }
  | { state: 'ready'; figures: Figures }
  | { state: 'failed'; message: string };

const HEALTH_COLORS = {
  'on-time': 'var(--ok)',
  'due-soon': 'var(--soon)',
  overdue: 'var(--late)',
  none: 'var(--former)',
} as const;
const PALETTE = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'];
const color = (i: number) => `var(${PALETTE[i % PALETTE.length]})`;

/** The whole book at a glance: relationships, check-ins, revenue, prospects, activity. */
export function App() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const refresh = useCallback(async () => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const result = await sendMessage('dashboard/figures', { timeZone });
    setLoad(
      result.ok
        ? { state: 'ready', figures: result.value }
        : { state: 'failed', message: say(result.error.message) },
    );
  }, []);
  useEffect(() => void refresh(), [refresh]);
  // A delete, undo or import elsewhere changes every figure: read them again.
  useEffect(() => watchBookChanged(() => void refresh()), [refresh]);

  return (
    <main class="dashboard" data-testid="dashboard" aria-busy={load.state === 'loading'}>
      <header>
        <h1>
          <BrandMark />
          {t('dash_title')}
        </h1>
        {load.state === 'ready' && (
          <span class="muted" data-testid="party-count">
            {tCount('dash_records', load.figures.parties)}
          </span>
        )}
      </header>
      {load.state === 'loading' && <p class="muted">{t('dash_loading')}</p>}
      {load.state === 'failed' && (
        <p class="error" role="alert">
          {t('dash_failed', load.message)}
        </p>
      )}
      {load.state === 'ready' &&
        (load.figures.parties === 0 ? (
          <p class="empty" data-testid="dashboard-empty">
            {t('dash_empty')}
          </p>
        ) : (
          <Panels figures={load.figures} />
        ))}
      <Duplicates onMerged={() => void refresh()} />
    </main>
  );
}

function Panels({ figures }: { figures: Figures }) {
  const { kinds, overdue, revenue, prospects, interactions } = figures;
  return (
    <div class="panels">
      <section class="panel" aria-labelledby="kinds-title">
        <h2 id="kinds-title">{t('dash_kinds_heading')}</h2>
        <StackedBarChart
          testId="chart-kinds"
          title={t('dash_kinds_chart')}
          categories={kinds.map((k) => kindLabel(k.kind))}
          series={(['overdue', 'due-soon', 'on-time', 'none'] as const).map((health) => ({
            key: health,
            label: healthLabel(health),
            color: HEALTH_COLORS[health],
            values: kinds.map((k) => k.byHealth[health]),
          }))}
        />
      </section>

      <section class="panel" aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t('dash_overdue_heading')}</h2>
        <p class="big-number" data-testid="overdue-count">
          {overdue.count.toLocaleString(uiLanguage())}
        </p>
        {overdue.count === 0 ? (
          <p class="empty">{t('dash_overdue_none')}</p>
        ) : (
          <ul class="overdue-list" data-testid="overdue-list">
            {overdue.parties.map((party) => (
              <li key={party.id} data-party-id={party.id}>
                <span>{party.name}</span>
                <span class={`muted kind-${party.kind}`}>{kindLabel(party.kind)}</span>
              </li>
            ))}
            {overdue.count > overdue.parties.length && (
              <li class="muted">
                {t('dash_overdue_more', overdue.count - overdue.parties.length)}
              </li>
            )}
          </ul>
        )}
      </section>

      <section class="panel" aria-labelledby="revenue-title">
        <h2 id="revenue-title">{t('dash_revenue_heading')}</h2>
        <div data-testid="chart-revenue">
          {revenue.series.length === 0 ? (
            <p class="empty">{t('dash_revenue_none')}</p>
          ) : (
            revenue.series.map((series) => (
              <div key={series.currency} data-currency={series.currency}>
                <h3 class="muted">{series.currency}</h3>
                <StackedBarChart
                  title={t('dash_revenue_chart', series.currency)}
                  categories={revenue.months.map(monthLabel)}
                  tickLabel={(_, i) => shortMonthLabel(revenue.months[i] ?? '')}
                  format={(v) => formatAmount(v, series.currency, uiLanguage())}
                  series={[
                    {
                      key: 'purchases',
                      label: t('dash_purchases'),
                      color: color(0),
                      values: series.purchases,
                    },
                    {
                      key: 'engagements',
                      label: t('dash_engagements'),
                      color: color(1),
                      values: series.engagements,
                    },
                  ]}
                />
              </div>
            ))
          )}
        </div>
        <p class="muted rule">{t('dash_revenue_rule')}</p>
      </section>

      <section class="panel" aria-labelledby="prospects-title">
        <h2 id="prospects-title">{t('dash_prospects_heading')}</h2>
        <div data-testid="chart-prospects">
          {prospects.total === 0 ? (
            <p class="empty">{t('dash_prospects_none')}</p>
          ) : (
            <>
              <BarChart
                title={t('dash_prospects_by_stage')}
                color="var(--prospect)"
                data={prospects.byStage.map((s) => ({
                  label: stageLabel(s.stage),
                  value: s.count,
                }))}
              />
              <DonutChart
                title={t('dash_prospects_by_source')}
                slices={prospects.bySource.map((s, i) => ({
                  label: s.source,
                  value: s.count,
                  color: color(i),
                }))}
              />
            </>
          )}
        </div>
      </section>

      <section class="panel" aria-labelledby="interactions-title">
        <h2 id="interactions-title">{t('dash_interactions_heading')}</h2>
        {interactions.counts.every((c) => c === 0) && (
          <p class="empty">{t('dash_interactions_none')}</p>
        )}
        <BarChart
          testId="chart-interactions"
          title={t('dash_interactions_chart')}
          data={interactions.weeks.map((week, i) => ({
            label: weekLabel(week),
            value: interactions.counts[i] ?? 0,
          }))}
          tickLabel={(_, i) => shortWeekLabel(interactions.weeks[i] ?? '')}
        />
      </section>
    </div>
  );
}
