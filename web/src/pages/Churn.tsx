// Insights → Customers: come, stay, leave. The churn of a period against the one before, why customers left and
// what they went through first, where the period's new customers came from, and cohorts by first-seen month. The
// choices are in the address, so a view can be shared as a link; every table downloads as CSV.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { placeProblem } from '../forms/problem.ts';
import { dayOf, lastDayOf, periodLabel } from '../insights/trend-format.ts';
import { useCan } from '../permissions.ts';
import { queryKeys } from '../queries.ts';
import { followLink, navigate, useLocation } from '../router.ts';
import type { ChurnReport, ChurnSettings } from '../retention/api.ts';
import { retentionApi } from '../retention/api.ts';
import {
  CHURN_SETTINGS_PATH,
  COHORT_MONTHS,
  churnChoicesFrom,
  churnPagePath,
  churnQueryOf,
  cohortQueryOf,
  todayUtc,
} from '../retention/choices.ts';
import { formatRate } from '../retention/format.ts';
import { AcquisitionTable } from '../components/AcquisitionTable.tsx';
import { ChurnExperiences } from '../components/ChurnExperiences.tsx';
import { ChurnPeriodPicker } from '../components/ChurnPeriodPicker.tsx';
import { ChurnReasons } from '../components/ChurnReasons.tsx';
import { CohortTable } from '../components/CohortTable.tsx';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { SegmentedChoice } from '../components/SegmentedChoice.tsx';
import '../bar-chart.css';
import '../trends.css';
import '../churn.css';

export function Churn() {
  const { search } = useLocation();
  const can = useCan();
  const choices = churnChoicesFrom(search);
  const today = todayUtc();
  const period = churnQueryOf(choices, today);
  const months = cohortQueryOf(choices, today);
  const churn = useQuery({
    queryKey: queryKeys.churn(period),
    queryFn: ({ signal }) => retentionApi.churn(period, signal),
    placeholderData: keepPreviousData,
  });
  const acquisition = useQuery({
    queryKey: queryKeys.acquisition(period),
    queryFn: ({ signal }) => retentionApi.acquisition(period, signal),
    placeholderData: keepPreviousData,
  });
  const cohorts = useQuery({
    queryKey: queryKeys.cohorts(months),
    queryFn: ({ signal }) => retentionApi.retention(months, signal),
    placeholderData: keepPreviousData,
  });
  const problem = churn.isError ? placeProblem(churn.error, { fields: ['from', 'to'] }) : null;
  const shown = churn.isError ? undefined : churn.data;

  return (
    <section className="page churn-page">
      <h1>Customers: come, stay, leave</h1>
      <p className="lead muted">
        Who left in a period and why, what they went through before, where new customers came from and how many stay.
        Days and months are counted in UTC.
      </p>
      <ChurnPeriodPicker
        applied={choices}
        shownDays={shown ? { from: dayOf(shown.from), to: lastDayOf(shown.to) } : null}
        byField={problem?.byField ?? {}}
        onApply={(next) => navigate(churnPagePath(next))}
      />
      {churn.isPending && <Loading label="Reading who came, stayed and left…" />}
      {problem !== null && problem.general !== null && <ErrorAlert error={problem.general} />}
      {shown && (
        <div className="churn-view" aria-busy={churn.isPlaceholderData}>
          <ChurnTotals report={shown} />
          <ChurnDefinition settings={shown.settings} canChange={can('settings:manage')} />
          <ChurnReasons reasons={shown.reasons} churned={shown.churned} />
          <ChurnExperiences experiences={shown.experiences} lookbackDays={shown.settings.lookbackDays} />
        </div>
      )}
      {acquisition.isError && !churn.isError && <ErrorAlert error={acquisition.error} />}
      {acquisition.data && !acquisition.isError && <AcquisitionTable report={acquisition.data} />}
      <div className="cohort-choice">
        <SegmentedChoice
          legend="Cohorts"
          name="cohort-months"
          options={COHORT_MONTHS.map((count) => ({ value: String(count), label: `Last ${count} months` }))}
          chosen={String(choices.cohorts)}
          onChoose={(value) =>
            navigate(churnPagePath({ ...choices, cohorts: Number(value) as typeof choices.cohorts }))
          }
        />
      </div>
      {cohorts.isPending && <Loading label="Counting cohorts…" />}
      {cohorts.isError && <ErrorAlert error={cohorts.error} />}
      {cohorts.data && !cohorts.isError && <CohortTable cohorts={cohorts.data.cohorts} />}
    </section>
  );
}

function ChurnTotals({ report }: { report: ChurnReport }) {
  return (
    <dl className="trend-totals churn-totals">
      <div>
        <dt>Churn rate</dt>
        <dd data-testid="churn-rate">{formatRate(report.churnRate)}</dd>
      </div>
      <div>
        <dt>Previous period</dt>
        <dd data-testid="previous-churn-rate">{formatRate(report.previous.churnRate)}</dd>
      </div>
      <div>
        <dt>Customers who left</dt>
        <dd data-testid="churned">
          {report.churned} <span className="muted">of {report.population}</span>
        </dd>
      </div>
      <div>
        <dt>How they left</dt>
        <dd className="churn-kinds">
          {report.churnedByEvent} cancelled · {report.churnedByInactivity} went quiet
        </dd>
      </div>
      <div>
        <dt>Period</dt>
        <dd className="trend-period">
          {periodLabel(report.from, report.to)}
          <span className="muted"> vs {periodLabel(report.previousFrom, report.previousTo)}</span>
        </dd>
      </div>
    </dl>
  );
}

/** What churn means here, in words, and for managers the way to change it. */
function ChurnDefinition({ settings, canChange }: { settings: ChurnSettings; canChange: boolean }) {
  const signals = [
    settings.event ? `sends “${settings.event}”` : null,
    settings.inactiveDays ? `does nothing for ${settings.inactiveDays} days` : null,
  ].filter(Boolean);
  return (
    <p className="churn-definition">
      A customer has left when she {signals.join(' or ')}; she counts again if she comes back.{' '}
      {canChange && (
        <a href={CHURN_SETTINGS_PATH} onClick={(event) => followLink(event, CHURN_SETTINGS_PATH)}>
          Change what churn means
        </a>
      )}
    </p>
  );
}
