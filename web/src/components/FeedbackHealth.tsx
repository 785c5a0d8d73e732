// The feedback health card on the ideas page: of the feedback that asked for an answer in the last 90 days, the
// share that got none within 7 days (the black-hole rate), the median time to a personal reply, and what waits.
import { useQuery } from '@tanstack/react-query';
import { formatRate, formatReplyHours } from '../ideas.ts';
import { ideasApi } from '../ideas-api.ts';
import { queryKeys } from '../queries.ts';
import { HEALTH_PATH } from '../feedback/health.ts';
import { followLink } from '../router.ts';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';

/** N: an ask is judged once N days have passed, and lost when no personal reply came within them. */
const DAYS = 7;

export function FeedbackHealth() {
  const metrics = useQuery({
    queryKey: queryKeys.feedbackMetrics(DAYS),
    queryFn: ({ signal }) => ideasApi.feedbackMetrics(DAYS, signal),
  });
  const overall = metrics.data?.overall;
  return (
    <section className="panel feedback-health" aria-labelledby="feedback-health-heading" data-testid="feedback-health">
      <h2 id="feedback-health-heading">
        Feedback health <span className="muted">· last 90 days</span>
      </h2>
      {metrics.isPending && <Loading label="Counting answers…" />}
      {metrics.isError && <ErrorAlert error={metrics.error} />}
      {overall && (
        <>
          {overall.rate === null ? (
            <p className="health-rate" data-testid="black-hole-rate">
              Nothing is old enough to judge yet: feedback counts once {DAYS} days have passed since it was asked.
            </p>
          ) : (
            <p className="health-rate" data-testid="black-hole-rate">
              <strong>{formatRate(overall.rate)}</strong> of the feedback that asked for an answer got none within{' '}
              {DAYS} days <span className="muted">({`${overall.unanswered} of ${overall.judged}`})</span>
            </p>
          )}
          <dl className="health-figures">
            <div>
              <dt>Median time to a personal reply</dt>
              <dd>{overall.medianReplyHours === null ? 'No reply yet' : formatReplyHours(overall.medianReplyHours)}</dd>
            </div>
            <div>
              <dt>Waiting</dt>
              <dd>
                {overall.waiting}{' '}
                <span className="muted">
                  asked less than {DAYS} days ago, not answered yet{overall.waiting > 0 ? ': time to reply' : ''}
                </span>
              </dd>
            </div>
          </dl>
          <p className="muted small-text">
            Idea requests and the survey comments followed up with a case. Only a personal reply counts.
          </p>
          <p className="small-text">
            <a href={HEALTH_PATH} onClick={(event) => followLink(event, HEALTH_PATH)}>
              Feedback health by source and team, and what waits
            </a>
          </p>
        </>
      )}
    </section>
  );
}
