// A journey's map: its stages as columns, left to right, each touchpoint with its targets intended beside actual;
// the bottlenecks; the gaps worst first; the funnel of episodes per stage. The period is in the address.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { placeProblem } from '../forms/problem.ts';
import { dayOf, lastDayOf, periodLabel } from '../insights/trend-format.ts';
import { browserZone, todayIn } from '../insights/trend-choices.ts';
import { useCan } from '../permissions.ts';
import { queryKeys } from '../queries.ts';
import { followLink, navigate, useLocation } from '../router.ts';
import { journeysApi } from '../journeys/api.ts';
import { formatHours, formatNumber, formatPercent } from '../journeys/metrics.ts';
import { JOURNEYS_PATH, journeyEditPath } from '../journeys/paths.ts';
import { mapPath, periodFrom, reportQueryOf } from '../journeys/period.ts';
import type { JourneyReport } from '../journeys/types.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { JourneyBottlenecks } from '../components/journeys/JourneyBottlenecks.tsx';
import { JourneyFunnel } from '../components/journeys/JourneyFunnel.tsx';
import { JourneyGaps } from '../components/journeys/JourneyGaps.tsx';
import { JourneyPeriod } from '../components/journeys/JourneyPeriod.tsx';
import { TouchpointCard } from '../components/journeys/TouchpointCard.tsx';
import '../journeys.css';

export function JourneyMap({ id }: { id: string }) {
  const can = useCan();
  const { search } = useLocation();
  const choices = periodFrom(search);
  const zone = browserZone();
  const query = reportQueryOf(choices, todayIn(zone), zone);
  const journey = useQuery({
    queryKey: queryKeys.journey(id),
    queryFn: ({ signal }) => journeysApi.journey(id, signal),
  });
  const report = useQuery({
    queryKey: queryKeys.journeyReport(id, query),
    queryFn: ({ signal }) => journeysApi.report(id, query, signal),
    placeholderData: keepPreviousData,
  });
  const problem = report.isError ? placeProblem(report.error, { fields: ['from', 'to'] }) : null;
  const shown = report.data;

  return (
    <section className="page journey-map-page">
      <p className="breadcrumb">
        <a href={JOURNEYS_PATH} onClick={(event) => followLink(event, JOURNEYS_PATH)}>
          ← Journeys
        </a>
      </p>
      {journey.isError && <ErrorAlert error={journey.error} />}
      {journey.isPending && <Loading label="Loading journey…" />}
      {journey.data && (
        <>
          <div className="page-bar">
            <h1>{journey.data.name}</h1>
            {can('settings:manage') && !journey.data.archivedAt && (
              <a
                className="button-link"
                href={journeyEditPath(id)}
                onClick={(event) => followLink(event, journeyEditPath(id))}
              >
                Edit journey
              </a>
            )}
          </div>
          {journey.data.description && <p className="lead">{journey.data.description}</p>}
          {journey.data.archivedAt && <p className="muted">Archived: no longer listed or changed.</p>}
          <JourneyPeriod
            applied={choices}
            shownDays={shown ? { from: dayOf(shown.from), to: lastDayOf(shown.to) } : null}
            byField={problem?.byField ?? {}}
            onApply={(next) => navigate(mapPath(id, next))}
          />
          {report.isPending && <Loading label="Measuring the journey…" />}
          {problem !== null && problem.general !== null && <ErrorAlert error={problem.general} />}
          {shown && !report.isError && <MapView report={shown} updating={report.isPlaceholderData} />}
        </>
      )}
    </section>
  );
}

function MapView({ report, updating }: { report: JourneyReport; updating: boolean }) {
  const { overall } = report;
  const byStage = (stageId: string) => report.touchpoints.filter((touchpoint) => touchpoint.stageId === stageId);
  return (
    <div className="journey-map" aria-busy={updating}>
      <dl className="journey-totals" data-testid="journey-totals">
        <div>
          <dt>Episodes</dt>
          <dd>{formatNumber(overall.episodes)}</dd>
        </div>
        <div>
          <dt>Completed</dt>
          <dd>
            {formatNumber(overall.completed)} <span className="muted">({formatPercent(overall.completionRate)})</span>
          </dd>
        </div>
        <div>
          <dt>Median duration</dt>
          <dd>{formatHours(overall.medianDuration)}</dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd>{periodLabel(report.from, report.to)}</dd>
        </div>
      </dl>
      {overall.episodes === 0 ? (
        <p className="empty-state">
          No episode started in this period: no customer had an interaction that matches a touchpoint. Choose a longer
          period, or check the touchpoints’ matchers.
        </p>
      ) : (
        <JourneyBottlenecks bottlenecks={overall.bottlenecks} />
      )}
      <section aria-labelledby="journey-stages-map-heading">
        <h2 id="journey-stages-map-heading">Stages</h2>
        <ol className="journey-columns">
          {report.stages.map((stage, index) => (
            <li key={stage.stageId} className="journey-column" aria-labelledby={`stage-${stage.stageId}`}>
              <h3 id={`stage-${stage.stageId}`}>
                {index + 1}. {stage.name}
              </h3>
              <p className="journey-column-count">
                {formatNumber(stage.episodes)} {stage.episodes === 1 ? 'episode' : 'episodes'}
              </p>
              {byStage(stage.stageId).map((touchpoint) => (
                <TouchpointCard key={touchpoint.touchpointId} touchpoint={touchpoint} />
              ))}
            </li>
          ))}
        </ol>
      </section>
      <section className="panel" aria-labelledby="journey-gaps-heading">
        <h2 id="journey-gaps-heading">Gaps, worst first</h2>
        <p className="muted">Every target missed, the furthest from what was intended (relative to it) first.</p>
        <JourneyGaps gaps={overall.gaps} />
      </section>
      <section className="panel" aria-labelledby="journey-funnel-heading">
        <h2 id="journey-funnel-heading">Funnel</h2>
        <JourneyFunnel report={report} />
      </section>
    </div>
  );
}
