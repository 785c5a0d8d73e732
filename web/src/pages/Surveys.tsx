// Surveys: what the company asks its customers (NPS, CSAT, CES or its own questions), when each is sent and whether
// it is on; each opens on its results. Managers create and change them.
import { useQuery } from '@tanstack/react-query';
import { useCan } from '../permissions.ts';
import { queryKeys } from '../queries.ts';
import { followLink } from '../router.ts';
import { surveysApi } from '../surveys/api.ts';
import { triggerText } from '../surveys/describe.ts';
import { NEW_SURVEY_PATH, surveyPath } from '../surveys/paths.ts';
import { KIND_NAMES } from '../surveys/scales.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { ReplySurveyChoice } from '../components/surveys/ReplySurveyChoice.tsx';
import '../surveys.css';

export function Surveys() {
  const can = useCan();
  const surveys = useQuery({ queryKey: queryKeys.surveys(), queryFn: () => surveysApi.surveys() });
  return (
    <section className="page surveys-page">
      <div className="page-bar">
        <h1>Surveys</h1>
        {can('settings:manage') && (
          <a
            className="button-link primary"
            href={NEW_SURVEY_PATH}
            onClick={(event) => followLink(event, NEW_SURVEY_PATH)}
          >
            New survey
          </a>
        )}
      </div>
      <p className="lead muted">
        What customers are asked and when. A low score opens a follow-up case, and every comment lands on the customer’s
        timeline. Open a survey for its score and responses.
      </p>
      {surveys.isPending && <Loading label="Loading surveys…" />}
      {surveys.isError && <ErrorAlert error={surveys.error} />}
      {surveys.isSuccess && surveys.data.items.length === 0 && (
        <p className="empty-state">
          No surveys yet.{can('settings:manage') ? ' Create one with New survey.' : ' A manager creates them.'}
        </p>
      )}
      {surveys.isSuccess && surveys.data.items.length > 0 && (
        <table className="data-table surveys-table">
          <caption className="visually-hidden">Surveys</caption>
          <thead>
            <tr>
              <th scope="col">Survey</th>
              <th scope="col">Kind</th>
              <th scope="col">Sent</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {surveys.data.items.map((survey) => (
              <tr key={survey.id} data-testid="survey-row">
                <th scope="row">
                  <a href={surveyPath(survey.id)} onClick={(event) => followLink(event, surveyPath(survey.id))}>
                    {survey.name}
                  </a>
                </th>
                <td>{KIND_NAMES[survey.kind]}</td>
                <td>{sentenceCase(triggerText(survey.trigger))}</td>
                <td>
                  <span className={survey.active ? 'status status-on' : 'status status-off'}>
                    {survey.active ? 'On' : 'Off'}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {surveys.isSuccess && <ReplySurveyChoice surveys={surveys.data.items} />}
    </section>
  );
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
