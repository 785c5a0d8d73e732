// The journey editor: name, description, how long an episode lasts without a matching interaction, and the stages
// with their touchpoints (StagesEditor). The server's refusals show beside their fields.
import { useMutation } from '@tanstack/react-query';
import { useZodForm } from '../../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { journeysApi } from '../../journeys/api.ts';
import {
  draftOf,
  type JourneyInput,
  journeyDraftSchema,
  journeyFieldNames,
  journeyRenames,
} from '../../journeys/draft.ts';
import type { Journey } from '../../journeys/types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { FormActions } from '../FormActions.tsx';
import { StagesEditor } from './StagesEditor.tsx';

interface JourneyFormProps {
  /** null for a new journey. */
  journey: Journey | null;
  onSaved: (journey: Journey) => void;
  onCancel: () => void;
}

export function JourneyForm({ journey, onSaved, onCancel }: JourneyFormProps) {
  const form = useZodForm(journeyDraftSchema(), {
    defaultValues: draftOf(journey),
    fields: journeyFieldNames(),
    nearest: true,
    rename: journeyRenames(),
  });
  const invalidate = useInvalidate();
  const save = useMutation({
    mutationFn: (input: JourneyInput) =>
      journey ? journeysApi.changeJourney(journey.id, input) : journeysApi.createJourney(input),
    onSuccess: () => invalidate(queryKeys.journeys()),
  });

  return (
    <form
      className="journey-form"
      aria-labelledby="journey-form-heading"
      onSubmit={form.submitWith(async (input) => onSaved(await save.mutateAsync(input)))}
      noValidate
    >
      <h1 id="journey-form-heading">{journey ? `Edit ${journey.name}` : 'New journey'}</h1>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="panel journey-form-basics">
        <Field id="journey-name" label="Name" error={form.errorOf('name')}>
          <input {...form.input('name', 'journey-name')} />
        </Field>
        <Field
          id="journey-description"
          label="Description"
          error={form.errorOf('description')}
          hint="What customers set out to do, and what the company promises them on the way."
        >
          <textarea {...form.input('description', 'journey-description')} rows={2} />
        </Field>
        <Field
          id="journey-episode-days"
          label="Days an episode lasts without a matching interaction"
          error={form.errorOf('episodeDays')}
          hint="One customer’s pass through the journey ends after this many quiet days; her next interaction starts a new one."
        >
          <input
            {...form.input('episodeDays', 'journey-episode-days')}
            inputMode="numeric"
            className="journey-episode-days"
          />
        </Field>
      </div>
      <StagesEditor form={form} />
      <FormActions saving={form.saving} submitLabel={journey ? 'Save journey' : 'Create journey'} onCancel={onCancel} />
    </form>
  );
}
