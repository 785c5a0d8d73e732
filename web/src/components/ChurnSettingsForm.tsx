// What churn means, as a manager sets it: the churn event, the days of silence (either may be left empty, not both),
// how far back experiences are looked for, and the survey that asks leaving customers why.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { useZodForm } from '../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { type ChurnSettings, type ChurnSettingsChange, retentionApi } from '../retention/api.ts';
import { surveysApi } from '../surveys/api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

const FIELDS = ['event', 'inactiveDays', 'lookbackDays', 'cancellationSurveyId'];

// Empty boxes go as null: "no event", "no silence", "no survey"; the server refuses what breaks its rules, beside
// the field (a number out of range, neither signal, a survey that is gone).
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));
const churnSettingsForm = z.object({
  event: z.string().transform(orNull),
  inactiveDays: z.string().transform(numberOrNull),
  lookbackDays: z.string().transform(numberOrNull),
  cancellationSurveyId: z.string().transform(orNull),
});

const draftOf = (settings: ChurnSettings): z.input<typeof churnSettingsForm> => ({
  event: settings.event ?? '',
  inactiveDays: settings.inactiveDays === null ? '' : String(settings.inactiveDays),
  lookbackDays: String(settings.lookbackDays),
  cancellationSurveyId: settings.cancellationSurveyId ?? '',
});

export function ChurnSettingsForm({ settings }: { settings: ChurnSettings }) {
  const form = useZodForm(churnSettingsForm, { defaultValues: draftOf(settings), fields: FIELDS });
  const surveys = useQuery({ queryKey: queryKeys.surveys(), queryFn: () => surveysApi.surveys() });
  const [saved, setSaved] = useState(false);
  const invalidate = useInvalidate();
  const change = useMutation({
    mutationFn: (next: ChurnSettingsChange) => retentionApi.changeChurnSettings(next),
    onSuccess: () => invalidate(queryKeys.retention()),
  });
  const save = async (values: z.output<typeof churnSettingsForm>) => {
    setSaved(false);
    // The box may hold what is not a number: the server refuses it beside the field.
    const updated = await change.mutateAsync(values as ChurnSettingsChange);
    form.reset(draftOf(updated));
    setSaved(true);
  };
  return (
    <form className="panel settings-form" aria-label="Churn settings" onSubmit={form.submitWith(save)} noValidate>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <Field
        id="churn-event"
        label="Churn event"
        error={form.errorOf('event')}
        hint="The tracked event that means a customer left, e.g. Subscription Cancelled. Empty: only silence counts."
      >
        <input {...form.input('event', 'churn-event')} type="text" maxLength={200} onInput={() => setSaved(false)} />
      </Field>
      <Field
        id="churn-inactive-days"
        label="Days without activity"
        error={form.errorOf('inactiveDays')}
        hint="After this many days without anything she did, a customer has left. Empty: only the event counts. 1 to 730."
      >
        <input
          {...form.input('inactiveDays', 'churn-inactive-days')}
          className="number-input"
          type="number"
          min={1}
          max={730}
          step={1}
          onInput={() => setSaved(false)}
        />
      </Field>
      <Field
        id="churn-lookback-days"
        label="Look back (days)"
        error={form.errorOf('lookbackDays')}
        hint="How many days before leaving the experiences that came first are looked for. 1 to 365."
      >
        <input
          {...form.input('lookbackDays', 'churn-lookback-days')}
          className="number-input"
          type="number"
          min={1}
          max={365}
          step={1}
          onInput={() => setSaved(false)}
        />
      </Field>
      <Field
        id="churn-survey"
        label="Cancellation survey"
        error={form.errorOf('cancellationSurveyId')}
        hint="The survey that asks leaving customers why: its chosen options are reasons."
      >
        <select {...form.input('cancellationSurveyId', 'churn-survey')} onInput={() => setSaved(false)}>
          <option value="">None</option>
          {(surveys.data?.items ?? []).map((survey) => (
            <option key={survey.id} value={survey.id}>
              {survey.name}
            </option>
          ))}
          {settings.cancellationSurveyId !== null &&
            surveys.isSuccess &&
            !surveys.data.items.some((survey) => survey.id === settings.cancellationSurveyId) && (
              <option value={settings.cancellationSurveyId}>{settings.cancellationSurveyId}</option>
            )}
        </select>
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.saving}>
          {form.saving ? 'Saving…' : 'Save churn settings'}
        </button>
        {saved && (
          <span className="saved" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
