// Surveys → New survey, or Edit: the builder on a page of its own (it needs the width for its preview); saving
// goes to the survey's results.
import { useQuery } from '@tanstack/react-query';
import { showNotice } from '../notice.ts';
import { queryKeys } from '../queries.ts';
import { followLink, navigate } from '../router.ts';
import { surveysApi } from '../surveys/api.ts';
import { surveyPath } from '../surveys/paths.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { SurveyForm } from '../components/surveys/SurveyForm.tsx';
import '../surveys.css';

/** `id` null for a new survey. */
export function SurveyBuilder({ id }: { id: string | null }) {
  const loaded = useQuery({
    queryKey: queryKeys.survey(id ?? ''),
    queryFn: ({ signal }) => surveysApi.survey(id ?? '', signal),
    enabled: id !== null,
  });
  const back = id ? surveyPath(id) : '/surveys';
  return (
    <section className="page survey-builder-page">
      <p className="breadcrumb">
        <a href={back} onClick={(event) => followLink(event, back)}>
          ← {id ? (loaded.data?.name ?? 'Survey') : 'Surveys'}
        </a>
      </p>
      {id !== null && loaded.isPending && <Loading label="Loading survey…" />}
      {id !== null && loaded.isError && <ErrorAlert error={loaded.error} />}
      {(id === null || loaded.data) && (
        <SurveyForm
          key={loaded.data?.id ?? 'new'}
          survey={loaded.data ?? null}
          onSaved={(survey) => {
            navigate(surveyPath(survey.id));
            showNotice({ path: surveyPath(survey.id), text: `${survey.name} saved.` });
          }}
          onCancel={() => navigate(back)}
        />
      )}
    </section>
  );
}
