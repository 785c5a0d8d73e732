// Feedback → Health: of the feedback that asked for an answer in the last 90 days (idea requests, survey comments
// followed up with a case), how much got no personal reply within N days, by source and by team, and what still
// waits, each linked to the idea or case where it is answered. N is in the address, so a view can be shared.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FeedbackMetrics } from '../api/types.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { SegmentedChoice } from '../components/SegmentedChoice.tsx';
import {
  DAY_CHOICES,
  type DayChoice,
  daysFrom,
  type HealthRow,
  healthPath,
  overallRow,
  sourceRows,
  teamRows,
  waitingLink,
} from '../feedback/health.ts';
import { ideasApi } from '../ideas-api.ts';
import { queryKeys } from '../queries.ts';
import { followLink, navigate, useLocation } from '../router.ts';
import { formatDate } from '../time.ts';
import '../feedback.css';
import '../ideas.css';

export function FeedbackDashboard() {
  const { search } = useLocation();
  const days = daysFrom(search);
  const metrics = useQuery({
    queryKey: queryKeys.feedbackMetrics(days),
    queryFn: ({ signal }) => ideasApi.feedbackMetrics(days, signal),
    placeholderData: keepPreviousData,
  });
  const shown = metrics.data;
  return (
    <section className="page feedback-health-page">
      <h1>Feedback health</h1>
      <p className="lead muted">
        Of the feedback that asked for an answer in the last 90 days (idea requests, and survey comments followed up
        with a case), the share that got no personal reply within {days} days: the black-hole rate. Only a personal
        reply counts.
      </p>
      <SegmentedChoice<DayChoice>
        legend="Lost when unanswered after"
        name="health-days"
        options={DAY_CHOICES.map((choice) => ({ value: choice, label: `${choice} days` }))}
        chosen={String(days) as DayChoice}
        onChoose={(choice) => navigate(healthPath(Number(choice)))}
      />
      {metrics.isPending && <Loading label="Counting answers…" />}
      {metrics.isError && <ErrorAlert error={metrics.error} />}
      {shown && !metrics.isError && (
        <div className="health-view" aria-busy={metrics.isPlaceholderData}>
          <Overall metrics={shown} />
          <HealthTable heading="By source" first="Source" rows={sourceRows(shown)} testId="health-by-source" />
          <HealthTable heading="By team" first="Team" rows={teamRows(shown)} testId="health-by-team" />
          <p className="muted small-text">
            Answered: asks with a personal reply, whenever it came. Waiting: asked less than {days} days ago, no reply
            yet. Ideas belong to no team; a survey comment belongs to the team of its follow-up case.
          </p>
          <StillWaiting metrics={shown} />
        </div>
      )}
    </section>
  );
}

function Overall({ metrics }: { metrics: FeedbackMetrics }) {
  const { overall, days } = metrics;
  const shown = overallRow(metrics);
  return (
    <section className="panel health-overall" aria-labelledby="health-overall-heading" data-testid="health-overall">
      <h2 id="health-overall-heading">All feedback</h2>
      <dl className="health-figures">
        <div>
          <dt>Black-hole rate</dt>
          <dd data-testid="overall-rate">
            {overall.rate === null ? (
              <span className="muted">Nothing is {days} days old yet</span>
            ) : (
              <strong>{shown.rate}</strong>
            )}
          </dd>
        </div>
        <div>
          <dt>Answered</dt>
          <dd data-testid="overall-answered">{overall.answered}</dd>
        </div>
        <div>
          <dt>Waiting</dt>
          <dd data-testid="overall-waiting">{overall.waiting}</dd>
        </div>
        <div>
          <dt>Median time to a personal reply</dt>
          <dd data-testid="overall-median">{shown.median}</dd>
        </div>
      </dl>
    </section>
  );
}

function HealthTable({
  heading,
  first,
  rows,
  testId,
}: {
  heading: string;
  first: string;
  rows: HealthRow[];
  testId: string;
}) {
  const id = `${testId}-heading`;
  return (
    <section className="health-table" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {rows.length === 0 ? (
        <p className="empty-state">Nothing asked for an answer in the last 90 days.</p>
      ) : (
        <table className="data-table" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              <th scope="col" className="numeric">
                Black-hole rate
              </th>
              <th scope="col" className="numeric">
                Answered
              </th>
              <th scope="col" className="numeric">
                Waiting
              </th>
              <th scope="col" className="numeric">
                Median time to reply
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">{row.name}</th>
                <td className="numeric">{row.rate}</td>
                <td className="numeric">{row.answered}</td>
                <td className="numeric">{row.waiting}</td>
                <td className="numeric">{row.median}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function StillWaiting({ metrics }: { metrics: FeedbackMetrics }) {
  const teamNames = new Map(metrics.byTeam.map((team) => [team.teamId, team.teamName]));
  return (
    <section className="still-waiting" aria-labelledby="still-waiting-heading">
      <h2 id="still-waiting-heading">Still waiting for a personal reply</h2>
      {metrics.stillWaiting.length === 0 ? (
        <p className="empty-state">Every ask has had a personal reply.</p>
      ) : (
        <>
          <ul className="waiting-list" data-testid="still-waiting">
            {metrics.stillWaiting.map((item) => {
              const link = waitingLink(item);
              const team = item.teamId ? teamNames.get(item.teamId) : null;
              return (
                <li key={`${item.source}-${item.idea?.id ?? item.case?.id}`} data-testid="waiting-item">
                  {link ? (
                    <a href={link.href} onClick={(event) => followLink(event, link.href)}>
                      {link.label}
                    </a>
                  ) : (
                    <span>{item.source === 'idea' ? 'An idea' : 'A follow-up case'} no longer there</span>
                  )}
                  <span className="muted">
                    {' '}
                    · {item.asks === 1 ? '1 ask' : `${item.asks} asks`} waiting since {formatDate(item.oldestAskedAt)}
                    {team ? ` · ${team}` : ''}
                  </span>
                  {item.overdue && <span className="overdue-badge">Over {metrics.days} days</span>}
                </li>
              );
            })}
          </ul>
          {metrics.stillWaitingTotal > metrics.stillWaiting.length && (
            <p className="muted">
              The {metrics.stillWaiting.length} waiting longest of {metrics.stillWaitingTotal}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
