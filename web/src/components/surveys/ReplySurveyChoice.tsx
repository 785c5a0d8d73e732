// Which survey a `{{survey.link}}` in a reply leads to: everyone who reads surveys sees it; managers choose it (an
// active survey, or the default: the survey after a resolved case, else the newest one switched on).
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Survey } from '../../api/types.ts';
import { useCan } from '../../permissions.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { surveysApi } from '../../surveys/api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

export function ReplySurveyChoice({ surveys }: { surveys: readonly Survey[] }) {
  const can = useCan();
  const invalidate = useInvalidate();
  const settings = useQuery({
    queryKey: queryKeys.feedbackSettings(),
    queryFn: ({ signal }) => surveysApi.feedbackSettings(signal),
  });
  const choose = useMutation({
    mutationFn: (surveyId: string | null) => surveysApi.chooseReplySurvey(surveyId),
    onSuccess: () => invalidate(queryKeys.feedbackSettings()),
  });
  if (!settings.isSuccess) return settings.isError ? <ErrorAlert error={settings.error} /> : null;
  const { replySurveyId, replySurvey, replySurveyProblem } = settings.data;
  const active = surveys.filter((survey) => survey.active);
  return (
    <section className="panel reply-survey-choice" aria-labelledby="reply-survey-heading">
      <h2 id="reply-survey-heading">Survey links in replies</h2>
      <p data-testid="reply-survey">
        Agents put <code>{'{{survey.link}}'}</code> in a reply or template; each customer gets her own link as the reply
        is sent.{' '}
        {replySurvey ? (
          <>
            It leads to <strong>{replySurvey.name}</strong>.
          </>
        ) : (
          <strong>{replySurveyProblem}</strong>
        )}
      </p>
      {can('settings:manage') && (
        <div className="field">
          <label htmlFor="reply-survey-id">Links lead to</label>
          <select
            id="reply-survey-id"
            value={replySurveyId ?? ''}
            disabled={choose.isPending}
            onChange={(event) => choose.mutate(event.target.value || null)}
          >
            <option value="">The survey after a resolved case (default)</option>
            {active.map((survey) => (
              <option key={survey.id} value={survey.id}>
                {survey.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {choose.error !== null && <ErrorAlert error={choose.error} />}
    </section>
  );
}
