// The survey builder: name, kind (fixed once created), questions, when it is sent, how often a customer may be
// asked, how long a link works and when a low score opens a follow-up case, with the public page previewed beside
// it as it is typed. The server's refusals show beside their fields.
import { useMutation } from '@tanstack/react-query';
import { useZodForm } from '../../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import type { Survey, SurveyKind } from '../../api/types.ts';
import { SURVEY_KINDS } from '../../choices.ts';
import { surveysApi } from '../../surveys/api.ts';
import {
  draftOf,
  followUpForKind,
  questionsForKind,
  type SurveyInput,
  surveyDraftSchema,
  surveyFieldNames,
} from '../../surveys/draft.ts';
import { KIND_NAMES } from '../../surveys/scales.ts';
import { Checkbox } from '../Checkbox.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { FormActions } from '../FormActions.tsx';
import { SegmentedChoice } from '../SegmentedChoice.tsx';
import { FollowUpFields, SendingFields } from './SurveyRules.tsx';
import { QuestionsEditor } from './QuestionsEditor.tsx';
import { SurveyPreview } from './SurveyPreview.tsx';

interface SurveyFormProps {
  /** null for a new survey. */
  survey: Survey | null;
  onSaved: (survey: Survey) => void;
  onCancel: () => void;
}

export function SurveyForm({ survey, onSaved, onCancel }: SurveyFormProps) {
  const form = useZodForm(surveyDraftSchema(), {
    defaultValues: draftOf(survey),
    // A survey has at most 20 questions (the API's limit): each one's fields can carry a refusal.
    fields: surveyFieldNames(20),
    nearest: true,
    rename: { questions: 'questions.root' },
  });
  const invalidate = useInvalidate();
  const save = useMutation({
    mutationFn: ({ kind, ...fields }: SurveyInput) =>
      survey ? surveysApi.changeSurvey(survey.id, fields) : surveysApi.createSurvey({ kind, ...fields }),
    onSuccess: () => invalidate(queryKeys.surveys()),
  });
  const [kind, questions, active] = form.watch(['kind', 'questions', 'active']);

  const chooseKind = (to: SurveyKind) => {
    const from = form.getValues('kind');
    form.setValue('kind', to);
    form.setValue('questions', questionsForKind(form.getValues('questions'), from, to));
    form.setValue('followUp', followUpForKind(form.getValues('followUp'), to));
  };

  return (
    <form
      className="survey-builder"
      aria-labelledby="survey-form-heading"
      onSubmit={form.submitWith(async (input) => onSaved(await save.mutateAsync(input)))}
      noValidate
    >
      <h1 id="survey-form-heading" className="survey-title">
        {survey ? `Edit ${survey.name}` : 'New survey'}
      </h1>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="survey-builder-layout">
        <div className="survey-builder-fields">
          <div className="panel">
            <Field
              id="survey-name"
              label="Name"
              error={form.errorOf('name')}
              hint="For staff: agents pick the survey by it."
            >
              <input {...form.input('name', 'survey-name')} />
            </Field>
            {survey ? (
              <p className="survey-kind-fixed">
                <strong>Kind:</strong> {KIND_NAMES[survey.kind]}{' '}
                <span className="muted">(fixed once created, so every response is scored on the same scale)</span>
              </p>
            ) : (
              <SegmentedChoice
                legend="Kind"
                name="survey-kind"
                options={SURVEY_KINDS.map((value) => ({ value, label: KIND_NAMES[value] }))}
                chosen={kind}
                onChoose={chooseKind}
              />
            )}
            <Checkbox
              id="survey-active"
              label="Active"
              hint="A survey switched off is neither sent nor offered to agents; its responses stay."
              checked={active}
              error={form.errorOf('active')}
              onChange={(on) => form.setValue('active', on)}
            />
          </div>
          <QuestionsEditor key={kind} form={form} />
          <SendingFields form={form} />
          <FollowUpFields form={form} />
          <FormActions
            saving={form.saving}
            submitLabel={survey ? 'Save survey' : 'Create survey'}
            onCancel={onCancel}
          />
        </div>
        <SurveyPreview kind={kind} questions={questions} />
      </div>
    </form>
  );
}
