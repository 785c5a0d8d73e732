// One touchpoint in the journey editor: its name, its matcher (which interactions belong here: events, channels,
// types, reasons, pages, direction; every field filled in must match) and its targets (metric, at most or at least,
// value), each target added and removed in place.
import { useFieldArray } from 'react-hook-form';
import { humanize } from '../../labels.ts';
import { newTarget } from '../../journeys/draft.ts';
import { COMPARATOR_WORDS, METRIC_ORDER, METRICS } from '../../journeys/metrics.ts';
import type { MatcherChannel, TargetMetric } from '../../journeys/types.ts';
import { Field } from '../Field.tsx';
import { GroupProblem, type JourneyEditorForm, MoveButtons } from './StagesEditor.tsx';

/** The channels a matcher may name, in the order the editor lists them. */
const CHANNELS = [
  'email',
  'chat',
  'phone',
  'social',
  'web_form',
  'in_store',
  'web',
  'app',
  'order',
  'product',
  'survey',
  'system',
] as const satisfies readonly MatcherChannel[];

interface TouchpointEditorProps {
  form: JourneyEditorForm;
  stage: number;
  index: number;
  count: number;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
}

export function TouchpointEditor({ form, stage, index, count, onMove, onRemove }: TouchpointEditorProps) {
  const path = `stages.${stage}.touchpoints.${index}` as const;
  const id = `journey-s${stage}-t${index}`;
  const what = `touchpoint ${index + 1} of stage ${stage + 1}`;
  const matcherProblem = form.errorOf(`${path}.matcher.root`);
  const channels = form.watch(`${path}.matcher.channels`);
  const toggleChannel = (channel: MatcherChannel, on: boolean) =>
    form.setValue(
      `${path}.matcher.channels`,
      on ? [...channels, channel] : channels.filter((chosen) => chosen !== channel),
      { shouldDirty: true },
    );
  const listField = (field: 'events' | 'types' | 'reasons' | 'pages', label: string, hint: string) => (
    <Field id={`${id}-${field}`} label={label} error={form.errorOf(`${path}.matcher.${field}`)} hint={hint}>
      <textarea {...form.input(`${path}.matcher.${field}`, `${id}-${field}`)} rows={2} spellCheck={false} />
    </Field>
  );

  return (
    <fieldset
      className="journey-touchpoint"
      aria-describedby={form.errorOf(`${path}.root`) ? `${id}-error` : undefined}
    >
      <legend>Touchpoint {index + 1}</legend>
      <MoveButtons what={what} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      <GroupProblem id={`${id}-error`} message={form.errorOf(`${path}.root`)} />
      <Field id={`${id}-name`} label="Touchpoint name" error={form.errorOf(`${path}.name`)}>
        <input {...form.input(`${path}.name`, `${id}-name`)} />
      </Field>
      <fieldset className="journey-matcher" aria-describedby={matcherProblem ? `${id}-matcher-error` : undefined}>
        <legend>Which interactions belong here</legend>
        <p className="field-hint">Fill in any of these; an interaction must fit every one filled in.</p>
        <GroupProblem id={`${id}-matcher-error`} message={matcherProblem} />
        <div className="journey-matcher-grid">
          {listField('events', 'Events', 'One per line: tracked event names, e.g. Order Completed')}
          {listField('reasons', 'Contact reasons', 'One per line: the case’s reason or the one read in the text')}
          {listField('types', 'Types', 'One per line: message, call, page_view, survey_response…')}
          {listField('pages', 'Pages', 'One per line: page views whose path or URL starts with it, e.g. /checkout')}
          <div className="field">
            <label htmlFor={`${id}-direction`}>Direction</label>
            <select {...form.input(`${path}.matcher.direction`, `${id}-direction`)}>
              <option value="">Any</option>
              <option value="inbound">Inbound (from the customer)</option>
              <option value="outbound">Outbound (to the customer)</option>
              <option value="internal">Internal</option>
            </select>
          </div>
        </div>
        <fieldset
          className="journey-channels"
          aria-describedby={form.errorOf(`${path}.matcher.channels`) ? `${id}-channels-error` : undefined}
        >
          <legend>Channels</legend>
          <div className="journey-channel-choices">
            {CHANNELS.map((channel) => (
              <label key={channel} className="check">
                <input
                  type="checkbox"
                  checked={channels.includes(channel)}
                  onChange={(event) => toggleChannel(channel, event.target.checked)}
                />
                <span>{humanize(channel)}</span>
              </label>
            ))}
          </div>
          <GroupProblem id={`${id}-channels-error`} message={form.errorOf(`${path}.matcher.channels`)} />
        </fieldset>
      </fieldset>
      <TargetsEditor form={form} path={path} id={id} />
    </fieldset>
  );
}

function TargetsEditor({
  form,
  path,
  id,
}: {
  form: JourneyEditorForm;
  path: `stages.${number}.touchpoints.${number}`;
  id: string;
}) {
  const targets = useFieldArray({ control: form.control, name: `${path}.targets`, keyName: 'key' });
  const chosen = form.watch(`${path}.targets`);
  const unused = METRIC_ORDER.find((metric) => !chosen.some((target) => target.metric === metric));
  return (
    <fieldset className="journey-targets">
      <legend>Targets</legend>
      <GroupProblem id={`${id}-targets-error`} message={form.errorOf(`${path}.targets.root`)} />
      {targets.fields.length === 0 && <p className="field-hint">No targets: the touchpoint is measured, not judged.</p>}
      <ol className="journey-target-list">
        {targets.fields.map((field, k) => {
          const target = `${path}.targets.${k}` as const;
          const targetId = `${id}-k${k}`;
          const metric = chosen[k]?.metric ?? 'completion';
          const metricInput = form.input(`${target}.metric`, `${targetId}-metric`);
          return (
            <li key={field.key} className="journey-target">
              <div className="field">
                <label htmlFor={`${targetId}-metric`}>Metric</label>
                <select
                  {...metricInput}
                  onChange={async (event) => {
                    await metricInput.onChange(event);
                    // A new metric starts with the comparator it usually has (at most a wait, at least a score).
                    form.setValue(`${target}.comparator`, METRICS[event.target.value as TargetMetric].usual);
                  }}
                >
                  {METRIC_ORDER.map((option) => (
                    <option key={option} value={option}>
                      {METRICS[option].label}
                    </option>
                  ))}
                </select>
                {form.errorOf(`${target}.metric`) && (
                  <p className="field-error" id={`${targetId}-metric-error`}>
                    {form.errorOf(`${target}.metric`)}
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor={`${targetId}-comparator`}>Is</label>
                <select {...form.input(`${target}.comparator`, `${targetId}-comparator`)}>
                  <option value="atMost">{COMPARATOR_WORDS.atMost}</option>
                  <option value="atLeast">{COMPARATOR_WORDS.atLeast}</option>
                </select>
              </div>
              <Field
                id={`${targetId}-value`}
                label={`Value${METRICS[metric].unit ? ` (${METRICS[metric].unit.trim()})` : ''}`}
                error={form.errorOf(`${target}.value`)}
                hint={METRICS[metric].hint}
              >
                <input {...form.input(`${target}.value`, `${targetId}-value`)} inputMode="decimal" />
              </Field>
              <button
                type="button"
                className="small danger journey-target-remove"
                aria-label={`Remove target ${k + 1}`}
                onClick={() => targets.remove(k)}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      {unused && (
        <button type="button" className="small" onClick={() => targets.append(newTarget(unused))}>
          Add a target
        </button>
      )}
    </fieldset>
  );
}
