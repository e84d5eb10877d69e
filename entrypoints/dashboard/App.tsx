import { BrandMark } from '../../components/BrandMark';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { BarChart } from '../../components/charts/BarChart';
import { DonutChart } from '../../components/charts/DonutChart';
import { StackedBarChart } from '../../components/charts/StackedBarChart';
import type { Response } from '../../lib/protocol/messages';
import { watchBookChanged } from '../../lib/platform/book-changed';
import { sendMessage } from '../../lib/platform/messaging';
import { formatAmount } from '../../lib/ui/amount-input';
import { HEALTH_LABELS, KIND_LABELS } from '../../lib/ui/format';
import { Duplicates } from './Duplicates';
import { monthLabel, shortMonthLabel, shortWeekLabel, STAGE_LABELS, weekLabel } from './labels';

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
        : { state: 'failed', message: result.error.message },
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
          Dashboard
        </h1>
        {load.state === 'ready' && (
          <span class="muted" data-testid="party-count">
            {load.figures.parties === 1 ? '1 record' : `${load.figures.parties} records`}
          </span>
        )}
      </header>
      {load.state === 'loading' && <p class="muted">Reading your records…</p>}
      {load.state === 'failed' && (
        <p class="error" role="alert">
          The figures could not be read: {load.message}
        </p>
      )}
      {load.state === 'ready' &&
        (load.figures.parties === 0 ? (
          <p class="empty" data-testid="dashboard-empty">
            Your book is empty. Add clients, customers and prospects from the toolbar popup, and
            their figures will appear here.
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
        <h2 id="kinds-title">Relationships by kind and health</h2>
        <StackedBarChart
          testId="chart-kinds"
          title="Relationships by kind and check-in health"
          categories={kinds.map((k) => KIND_LABELS[k.kind])}
          series={(['overdue', 'due-soon', 'on-time', 'none'] as const).map((health) => ({
            key: health,
            label: HEALTH_LABELS[health],
            color: HEALTH_COLORS[health],
            values: kinds.map((k) => k.byHealth[health]),
          }))}
        />
      </section>

      <section class="panel" aria-labelledby="overdue-title">
        <h2 id="overdue-title">Overdue check-ins</h2>
        <p class="big-number" data-testid="overdue-count">
          {overdue.count}
        </p>
        {overdue.count === 0 ? (
          <p class="empty">Nobody is waiting on you. Every check-in is on time.</p>
        ) : (
          <ul class="overdue-list" data-testid="overdue-list">
            {overdue.parties.map((party) => (
              <li key={party.id} data-party-id={party.id}>
                <span>{party.name}</span>
                <span class={`muted kind-${party.kind}`}>{KIND_LABELS[party.kind]}</span>
              </li>
            ))}
            {overdue.count > overdue.parties.length && (
              <li class="muted">and {overdue.count - overdue.parties.length} more</li>
            )}
          </ul>
        )}
      </section>

      <section class="panel" aria-labelledby="revenue-title">
        <h2 id="revenue-title">Revenue by month</h2>
        <div data-testid="chart-revenue">
          {revenue.series.length === 0 ? (
            <p class="empty">No purchases or engagements in the last twelve months.</p>
          ) : (
            revenue.series.map((series) => (
              <div key={series.currency} data-currency={series.currency}>
                <h3 class="muted">{series.currency}</h3>
                <StackedBarChart
                  title={`Revenue in ${series.currency} by month`}
                  categories={revenue.months.map(monthLabel)}
                  tickLabel={(_, i) => shortMonthLabel(revenue.months[i] ?? '')}
                  format={(v) => formatAmount(v, series.currency)}
                  series={[
                    {
                      key: 'purchases',
                      label: 'Purchases',
                      color: color(0),
                      values: series.purchases,
                    },
                    {
                      key: 'engagements',
                      label: 'Engagements',
                      color: color(1),
                      values: series.engagements,
                    },
                  ]}
                />
              </div>
            ))
          )}
        </div>
        <p class="muted rule">
          Purchases count in the month of their date. Retainers and subscriptions count their
          monthly amount for every month they were active; fixed fees count in their start month;
          hourly work is not counted. Currencies are never added together.
        </p>
      </section>

      <section class="panel" aria-labelledby="prospects-title">
        <h2 id="prospects-title">Prospects</h2>
        <div data-testid="chart-prospects">
          {prospects.total === 0 ? (
            <p class="empty">No prospects yet.</p>
          ) : (
            <>
              <BarChart
                title="Prospects by stage"
                color="var(--prospect)"
                data={prospects.byStage.map((s) => ({
                  label: STAGE_LABELS[s.stage] ?? s.stage,
                  value: s.count,
                }))}
              />
              <DonutChart
                title="Prospects by source"
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
        <h2 id="interactions-title">Interactions per week</h2>
        {interactions.counts.every((c) => c === 0) && (
          <p class="empty">No interactions logged in the last twelve weeks.</p>
        )}
        <BarChart
          testId="chart-interactions"
          title="Interactions per week, last twelve weeks"
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
