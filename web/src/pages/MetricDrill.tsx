// The drill-down from a dashboard number (`/dashboard/drill?name=fcr&from=…&to=…&team=…`): what the number is, its
// value, and the cases (or survey answers, or gestures) it was counted from, each with what it counts, linked to
// its case and customer, and the whole list as CSV from the server.
import { useQuery } from '@tanstack/react-query';
import { humanize } from '../labels.ts';
import { queryKeys } from '../queries.ts';
import { followLink, useLocation } from '../router.ts';
import { casePath } from '../cases.ts';
import { formatDateIn } from '../time.ts';
import { choicesFrom, dashboardPath, drillAskFrom } from '../dashboard/dashboard-choices.ts';
import {
  countedFrom,
  DRILL_VALUE_HEADERS,
  formatDrilledValue,
  formatMetric,
  formatMinorUnits,
  METRIC_INFO,
} from '../dashboard/metric-format.ts';
import {
  type DrillAsk,
  type DrilledCase,
  type DrilledGesture,
  type DrilledResponse,
  type Metrics,
  metricsApi,
} from '../dashboard/metrics-api.ts';
import { DIMENSION_LABELS, keyLabel, lastDayOf, rangeLabel } from '../dashboard/metric-rows.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { CaseStatusBadge } from '../components/CaseStatusBadge.tsx';
import '../dashboard.css';

export function MetricDrill() {
  const { search } = useLocation();
  const parsed = drillAskFrom(search);
  if ('problem' in parsed) {
    return (
      <section className="page dashboard-page">
        <h1>Nothing to list</h1>
        <p className="lead">{parsed.problem}</p>
        <BackLink />
      </section>
    );
  }
  return <DrillView ask={parsed.ask} />;
}

function BackLink({ ask }: { ask?: DrillAsk }) {
  // Back to the dashboard over the same days.
  const href = ask
    ? dashboardPath({
        ...choicesFrom(new URLSearchParams()),
        period: 'custom',
        from: ask.from,
        to: lastDayOf(ask),
        hours: ask.hours ?? 'clock',
      })
    : dashboardPath(choicesFrom(new URLSearchParams()));
  return (
    <p className="back-link">
      <a href={href} onClick={(event) => followLink(event, href)}>
        ← Dashboard
      </a>
    </p>
  );
}

function DrillView({ ask }: { ask: DrillAsk }) {
  const summaryAsk = { names: [ask.name], from: ask.from, to: ask.to, filter: ask.filter, hours: ask.hours };
  const summary = useQuery({
    queryKey: queryKeys.metricsOf(summaryAsk),
    queryFn: ({ signal }) => metricsApi.metrics(summaryAsk, signal),
  });
  const drill = useQuery({
    queryKey: queryKeys.metricDrill(ask),
    queryFn: ({ signal }) => metricsApi.drill(ask, signal),
  });
  const info = METRIC_INFO[ask.name];
  const labels = summary.data?.labels ?? { team: {}, agent: {} };
  // Days read in the zone the metrics counted them in, not the browser's: a case counted on Nov 2 says Nov 2.
  const timeZone = summary.data?.timeZone;
  const where = ask.filter
    ? `${DIMENSION_LABELS[ask.filter.dimension]}: ${keyLabel(ask.filter.dimension, ask.filter.key, labels)}`
    : null;

  return (
    <section className="page dashboard-page drill-page">
      <BackLink ask={ask} />
      <h1>
        {info.label}
        {where ? ` · ${where}` : ''}
      </h1>
      <p className="lead muted">{info.meaning}</p>
      {summary.isError && <ErrorAlert error={summary.error} />}
      {summary.data?.stillToCount !== undefined && (
        <p className="note" role="status" data-testid="still-counting">
          Still counting what was here before: this list and its number are incomplete until then.
        </p>
      )}
      {summary.data && <Summary ask={ask} answer={summary.data} />}
      {drill.isPending && <Loading label="Finding what it was counted from…" />}
      {drill.isError && <ErrorAlert error={drill.error} />}
      {drill.data && timeZone && (
        <section className="panel dashboard-section" aria-labelledby="drill-list-heading">
          <div className="section-head">
            <h2 id="drill-list-heading" data-testid="drill-total">
              {listHeading(drill.data.source, drill.data.total)}
            </h2>
            <a className="csv-link" href={metricsApi.drillCsvUrl(ask)} download data-testid="drill-csv">
              Download CSV
            </a>
          </div>
          {drill.data.total > shownCount(drill.data) && (
            <p className="muted">
              The first {shownCount(drill.data)} are listed here; the CSV holds all {drill.data.total}.
            </p>
          )}
          {drill.data.total === 0 ? (
            <p className="empty-state">Nothing was counted in this period.</p>
          ) : drill.data.source === 'case' ? (
            <CaseList ask={ask} cases={drill.data.cases} labels={labels} timeZone={timeZone} />
          ) : drill.data.source === 'response' ? (
            <ResponseList responses={drill.data.responses} timeZone={timeZone} />
          ) : (
            <GestureList gestures={drill.data.gestures} labels={labels} timeZone={timeZone} />
          )}
        </section>
      )}
    </section>
  );
}

function Summary({ ask, answer }: { ask: DrillAsk; answer: Metrics }) {
  const value = answer.total.values[ask.name];
  return (
    <dl className="drill-summary">
      <div>
        <dt>{withHours(ask, METRIC_INFO[ask.name].label)}</dt>
        <dd data-testid="drill-value">{formatMetric(ask.name, value)}</dd>
      </div>
      <div>
        <dt>Counted from</dt>
        <dd>{countedFrom(ask.name, answer.total.counts[ask.name]).replace(/^of /, '')}</dd>
      </div>
      <div>
        <dt>Period</dt>
        <dd>
          {rangeLabel(ask)} <span className="muted">({answer.timeZone})</span>
        </dd>
      </div>
    </dl>
  );
}

/** A time counted in business hours says so. */
function withHours(ask: DrillAsk, label: string): string {
  return ask.hours === 'business' && METRIC_INFO[ask.name].unit === 'duration' ? `${label} (business hours)` : label;
}

type Drilled = NonNullable<Awaited<ReturnType<typeof metricsApi.drill>>>;

function shownCount(drilled: Drilled): number {
  return drilled.source === 'case'
    ? drilled.cases.length
    : drilled.source === 'response'
      ? drilled.responses.length
      : drilled.gestures.length;
}

function listHeading(source: Drilled['source'], total: number): string {
  const [one, many] =
    source === 'case' ? ['case', 'cases'] : source === 'response' ? ['answer', 'answers'] : ['gesture', 'gestures'];
  return `${new Intl.NumberFormat('en').format(total)} ${total === 1 ? one : many}`;
}

function CaseList({
  ask,
  cases,
  labels,
  timeZone,
}: {
  ask: DrillAsk;
  cases: DrilledCase[];
  labels: Metrics['labels'];
  timeZone: string;
}) {
  const header = DRILL_VALUE_HEADERS[ask.name];
  const valueHeader = header && withHours(ask, header);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="drill-table">
        <caption className="visually-hidden">The cases counted in {METRIC_INFO[ask.name].label}</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Status</th>
            <th scope="col">Channel</th>
            <th scope="col">Team</th>
            <th scope="col">Agent</th>
            <th scope="col">Reason</th>
            <th scope="col">Opened</th>
            {valueHeader && <th scope="col">{valueHeader}</th>}
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => {
            const href = casePath(c.number);
            return (
              <tr key={c.id} data-testid="drill-row">
                <th scope="row">
                  <a href={href} onClick={(event) => followLink(event, href)}>
                    #{c.number} {c.subject}
                  </a>
                </th>
                <td>
                  <CaseStatusBadge status={c.status} />
                </td>
                <td>{humanize(c.channel)}</td>
                <td>{keyLabel('team', c.teamId ?? '', labels)}</td>
                <td>{keyLabel('agent', c.assigneeId ?? '', labels)}</td>
                <td>{keyLabel('reason', c.reason ?? '', labels)}</td>
                <td>{formatDateIn(c.openedAt, timeZone)}</td>
                {valueHeader && <td data-testid="drill-value-cell">{formatDrilledValue(ask.name, c.value)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function CaseAndCustomer({ caseId, customerId }: { caseId: string | null; customerId: string }) {
  const customer = `/customers/${encodeURIComponent(customerId)}`;
  const theCase = caseId ? casePath(caseId) : null;
  return (
    <>
      <td>
        {theCase ? (
          <a href={theCase} onClick={(event) => followLink(event, theCase)}>
            View case
          </a>
        ) : (
          <span className="muted">No case</span>
        )}
      </td>
      <td>
        <a href={customer} onClick={(event) => followLink(event, customer)}>
          View customer
        </a>
      </td>
    </>
  );
}

function ResponseList({ responses, timeZone }: { responses: DrilledResponse[]; timeZone: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="drill-table">
        <caption className="visually-hidden">The survey answers counted</caption>
        <thead>
          <tr>
            <th scope="col">Answered</th>
            <th scope="col">Survey</th>
            <th scope="col" className="number">
              Score
            </th>
            <th scope="col">Comment</th>
            <th scope="col">Case</th>
            <th scope="col">Customer</th>
          </tr>
        </thead>
        <tbody>
          {responses.map((response) => (
            <tr key={response.invitationId} data-testid="drill-row">
              <td>{formatDateIn(response.answeredAt, timeZone)}</td>
              <td>{humanize(response.survey)}</td>
              <td className="number">{response.score}</td>
              <td>{response.comment ?? <span className="muted">No comment</span>}</td>
              <CaseAndCustomer caseId={response.caseId} customerId={response.customerId} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GestureList({
  gestures,
  labels,
  timeZone,
}: {
  gestures: DrilledGesture[];
  labels: Metrics['labels'];
  timeZone: string;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="drill-table">
        <caption className="visually-hidden">The gestures counted</caption>
        <thead>
          <tr>
            <th scope="col">Issued</th>
            <th scope="col">Kind</th>
            <th scope="col" className="number">
              Amount
            </th>
            <th scope="col">Given by</th>
            <th scope="col">Case</th>
            <th scope="col">Customer</th>
          </tr>
        </thead>
        <tbody>
          {gestures.map((gesture) => (
            <tr key={gesture.id} data-testid="drill-row">
              <td>{formatDateIn(gesture.issuedAt, timeZone)}</td>
              <td>{humanize(gesture.kind)}</td>
              <td className="number">{formatMinorUnits(gesture.amount, gesture.currency)}</td>
              <td>{keyLabel('agent', gesture.issuedBy, labels)}</td>
              <CaseAndCustomer caseId={gesture.caseId} customerId={gesture.customerId} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
