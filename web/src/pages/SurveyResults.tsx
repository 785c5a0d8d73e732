// A survey's results for the last 7, 30 or 90 days: its score (NPS, CSAT or CES), how many answered of those
// invited, the spread of the scores and the responses with their comments and follow-up cases. The period is in
// the address, so a view can be shared as a link.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCan } from '../permissions.ts';
import { queryKeys } from '../queries.ts';
import { followLink, navigate, useLocation } from '../router.ts';
import type { Survey, SurveyResponses } from '../api/types.ts';
import { surveysApi } from '../surveys/api.ts';
import { formatRate, formatSurveyScore, scoreName, triggerText } from '../surveys/describe.ts';
import { surveyEditPath, surveyPath } from '../surveys/paths.ts';
import { isScored, KIND_NAMES } from '../surveys/scales.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { SegmentedChoice } from '../components/SegmentedChoice.tsx';
import { ResponseList } from '../components/surveys/ResponseList.tsx';
import { ScoreDistribution } from '../components/surveys/ScoreDistribution.tsx';
import '../surveys.css';

const PERIODS = [7, 30, 90] as const;
type Period = (typeof PERIODS)[number];

function periodFrom(search: URLSearchParams): Period {
  const days = Number(search.get('days'));
  return PERIODS.find((period) => period === days) ?? 30;
}

export function SurveyResults({ id }: { id: string }) {
  const can = useCan();
  const { search } = useLocation();
  const days = periodFrom(search);
  const survey = useQuery({ queryKey: queryKeys.survey(id), queryFn: ({ signal }) => surveysApi.survey(id, signal) });
  const responses = useQuery({
    queryKey: queryKeys.surveyResponses(id, days),
    queryFn: ({ signal }) => surveysApi.responses(id, days, signal),
    placeholderData: keepPreviousData,
  });
  const shown = survey.data;

  return (
    <section className="page survey-results-page">
      <div className="page-bar">
        <p className="breadcrumb">
          <a href="/surveys" onClick={(event) => followLink(event, '/surveys')}>
            ← Surveys
          </a>
        </p>
        {shown && can('settings:manage') && (
          <a
            className="button-link"
            href={surveyEditPath(id)}
            onClick={(event) => followLink(event, surveyEditPath(id))}
          >
            Edit survey
          </a>
        )}
      </div>
      {survey.isPending && <Loading label="Loading survey…" />}
      {survey.isError && <ErrorAlert error={survey.error} />}
      {shown && (
        <>
          <h1 className="survey-title">{shown.name}</h1>
          <p className="lead muted">
            {KIND_NAMES[shown.kind]}, {triggerText(shown.trigger)}. {shown.active ? 'On' : 'Switched off'}; a customer
            is asked at most once every {shown.quietDays} days.
          </p>
          <SegmentedChoice
            legend="Period"
            name="survey-period"
            options={PERIODS.map((period) => ({ value: String(period), label: `Last ${period} days` }))}
            chosen={String(days)}
            onChoose={(period) => navigate(`${surveyPath(id)}?days=${period}`, { replace: true })}
          />
          {responses.isPending && <Loading label="Counting responses…" />}
          {responses.isError && <ErrorAlert error={responses.error} />}
          {responses.data && (
            <Results survey={shown} results={responses.data} days={days} updating={responses.isPlaceholderData} />
          )}
        </>
      )}
    </section>
  );
}

function Results({
  survey,
  results,
  days,
  updating,
}: {
  survey: Survey;
  results: SurveyResponses;
  days: Period;
  updating: boolean;
}) {
  const { summary, items } = results;
  return (
    <div className="survey-results" aria-busy={updating}>
      <dl className="survey-figures">
        {isScored(survey.kind) && (
          <div>
            <dt>{scoreName(survey.kind)}</dt>
            <dd data-testid="survey-score">{formatSurveyScore(survey.kind, summary.score)}</dd>
          </div>
        )}
        <div>
          <dt>Response rate</dt>
          <dd>{formatRate(summary.responseRate)}</dd>
        </div>
        <div>
          <dt>Invited</dt>
          <dd>{summary.invited}</dd>
        </div>
        <div>
          <dt>Responses</dt>
          <dd>{summary.responses}</dd>
        </div>
        <div>
          <dt>Complete</dt>
          <dd>{summary.complete}</dd>
        </div>
      </dl>
      {summary.responses === 0 ? (
        <p className="empty-state">
          No responses in the last {days} days
          {summary.invited ? ` (${summary.invited} invited)` : ''}. Send the survey from a customer or a case
          {survey.trigger.on === 'case_resolved' ? ', or wait for cases to be resolved' : ''}, or choose a longer
          period.
        </p>
      ) : (
        <>
          {isScored(survey.kind) && (
            <section className="panel survey-section" aria-labelledby="distribution-heading">
              <h2 id="distribution-heading" className="survey-section-heading">
                Scores
              </h2>
              <ScoreDistribution kind={survey.kind} distribution={summary.distribution} />
            </section>
          )}
          <section className="survey-section" aria-labelledby="responses-heading">
            <h2 id="responses-heading" className="survey-section-heading">
              Responses
            </h2>
            {items.length < summary.responses && (
              <p className="muted">
                The newest {items.length} of {summary.responses}.
              </p>
            )}
            <ResponseList kind={survey.kind} responses={items} />
          </section>
        </>
      )}
    </div>
  );
}
