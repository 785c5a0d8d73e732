// The builder's rules around the questions: when a survey is sent, how often one customer may be asked, how long
// a link works, and which scores open a follow-up case (bounded by the kind's scale), at what priority.
import type { InputHTMLAttributes } from 'react';
import { CASE_PRIORITIES } from '../../choices.ts';
import type { ZodForm } from '../../forms/useZodForm.ts';
import { humanize } from '../../labels.ts';
import { BOARD_FLAGS } from '../../feedback/board-flags.ts';
import type { SurveyDraft, SurveyInput, TriggerChoice } from '../../surveys/draft.ts';
import { BANDS, DEFAULT_THRESHOLDS, isScored, SCALES, thresholdRange } from '../../surveys/scales.ts';
import { Checkbox } from '../Checkbox.tsx';
import { Field } from '../Field.tsx';

type SurveyForm = ZodForm<SurveyDraft, SurveyInput>;

const TRIGGERS: ReadonlyArray<{ value: TriggerChoice; label: string; hint: string }> = [
  { value: 'manual', label: 'Sent by hand', hint: 'An agent sends the link from a customer or a case.' },
  {
    value: 'case_resolved',
    label: 'After a case is resolved',
    hint: 'Emailed to the customer with one-click score links, once per case.',
  },
  {
    value: 'event',
    label: 'Some days after an event',
    hint: 'Emailed once per event she did (an order completed), counting events from when the survey is created.',
  },
  {
    value: 'periodic',
    label: 'Every so many days to a segment',
    hint: 'Emailed to every customer holding a flag (or everyone with an email address), a round at a time.',
  },
];

export function SendingFields({ form }: { form: SurveyForm }) {
  const triggerError = form.errorOf('trigger');
  return (
    <div className="panel">
      <fieldset className="survey-trigger" aria-describedby={triggerError ? 'survey-trigger-error' : undefined}>
        <legend>When it is sent</legend>
        {TRIGGERS.map((trigger) => (
          <TriggerOption
            key={trigger.value}
            id={`survey-trigger-${trigger.value}`}
            label={trigger.label}
            hint={trigger.hint}
            input={{ value: trigger.value, ...form.register('trigger') }}
          />
        ))}
        <TriggerDetails form={form} />
        {triggerError && (
          <p className="field-error" id="survey-trigger-error">
            {triggerError}
          </p>
        )}
      </fieldset>
      <div className="form-row">
        <DaysField
          form={form}
          id="survey-quiet-days"
          label="Quiet period (days)"
          name="quietDays"
          error="quietDays"
          hint="After any survey, a customer is not asked again for this long."
          min={0}
          max={365}
        />
        <DaysField
          form={form}
          id="survey-link-days"
          label="Link valid for (days)"
          name="linkValidDays"
          error="linkValidDays"
          hint="Also ends once answered."
          min={1}
          max={90}
        />
      </div>
    </div>
  );
}

/** The event and its days, or the round's days and segment, for the trigger chosen. */
function TriggerDetails({ form }: { form: SurveyForm }) {
  const trigger = form.watch('trigger');
  if (trigger === 'event') {
    return (
      <div className="form-row">
        <Field
          id="survey-trigger-event-name"
          label="Event"
          error={form.errorOf('trigger.event')}
          hint="As your systems send it, e.g. Order Completed."
        >
          <input {...form.input('triggerEvent', 'survey-trigger-event-name')} />
        </Field>
        <DaysField
          form={form}
          id="survey-trigger-after-days"
          label="Days after it"
          name="triggerAfterDays"
          error="trigger.afterDays"
          min={0}
          max={365}
        />
      </div>
    );
  }
  if (trigger === 'periodic') {
    return (
      <div className="form-row">
        <DaysField
          form={form}
          id="survey-trigger-every-days"
          label="Every (days)"
          name="triggerEveryDays"
          error="trigger.everyDays"
          hint="A relationship NPS: 90."
          min={7}
          max={730}
        />
        <Field id="survey-trigger-flag" label="To" error={form.errorOf('trigger.flag')}>
          <select {...form.input('triggerFlag', 'survey-trigger-flag')}>
            <option value="">Every customer with an email address</option>
            {BOARD_FLAGS.map(({ flag, title }) => (
              <option key={flag} value={flag}>
                Customers flagged {title}
              </option>
            ))}
          </select>
        </Field>
      </div>
    );
  }
  return null;
}

/** A number of days, as every rule of a survey counts them: its box, its bounds, its error from the server. */
function DaysField(props: {
  form: SurveyForm;
  id: string;
  label: string;
  name: 'quietDays' | 'linkValidDays' | 'triggerAfterDays' | 'triggerEveryDays';
  /** The API's field, where the server names its refusal. */
  error: string;
  hint?: string;
  min: number;
  max: number;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.form.errorOf(props.error)} hint={props.hint}>
      <input
        {...props.form.input(props.name, props.id)}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
      />
    </Field>
  );
}

/** One way to send, its explanation under it and read after its name. */
function TriggerOption({
  id,
  label,
  hint,
  input,
}: {
  id: string;
  label: string;
  hint: string;
  input: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <div className="survey-trigger-option">
      <label className="check">
        <input type="radio" aria-describedby={`${id}-hint`} {...input} />
        <span>{label}</span>
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

export function FollowUpFields({ form }: { form: SurveyForm }) {
  const [kind, enabled] = form.watch(['kind', 'followUp.enabled']);
  if (!isScored(kind)) {
    return (
      <div className="panel">
        <h2 className="survey-panel-heading">Follow-up</h2>
        <p className="muted">A custom survey has no score, so no answer opens a follow-up case by itself.</p>
      </div>
    );
  }
  const range = thresholdRange(kind);
  const lowest = BANDS[kind][0]!;
  return (
    <fieldset className="panel survey-follow-up">
      <legend>Follow-up</legend>
      <Checkbox
        id="survey-follow-up"
        label="Open a follow-up case for a low score, so that someone reaches out"
        checked={enabled}
        onChange={(on) => form.setValue('followUp.enabled', on)}
      />
      {enabled && (
        <div className="form-row">
          <Field
            id="survey-threshold"
            label="Opens a case for a score at or below"
            error={form.errorOf('followUp.scoreAtMost')}
            hint={`From ${range.min} to ${range.max} on this ${SCALES[kind].min}–${SCALES[kind].max} scale. ${lowest.label}: ${SCALES[kind].min}–${DEFAULT_THRESHOLDS[kind]}.`}
          >
            <input
              {...form.input('followUp.scoreAtMost', 'survey-threshold')}
              type="number"
              inputMode="numeric"
              min={range.min}
              max={range.max}
            />
          </Field>
          <Field id="survey-priority" label="At priority" error={form.errorOf('followUp.priority')}>
            <select {...form.input('followUp.priority', 'survey-priority')}>
              {CASE_PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {humanize(priority)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
    </fieldset>
  );
}
