// The journey editor's stages, in order, each with its touchpoints in order: added, moved and removed in place.
// A touchpoint's matcher and targets are in TouchpointEditor.
import { useFieldArray } from 'react-hook-form';
import type { ZodForm } from '../../forms/useZodForm.ts';
import { type JourneyDraft, type JourneyInput, newStage, newTouchpoint } from '../../journeys/draft.ts';
import { Field } from '../Field.tsx';
import { TouchpointEditor } from './TouchpointEditor.tsx';

export type JourneyEditorForm = ZodForm<JourneyDraft, JourneyInput>;

/** Up, down and remove for one item of a list, named after it for screen readers. */
export function MoveButtons(props: {
  what: string;
  index: number;
  count: number;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { what, index, count, onMove, onRemove } = props;
  return (
    <div className="journey-tools">
      <button
        type="button"
        className="small"
        aria-label={`Move ${what} up`}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="small"
        aria-label={`Move ${what} down`}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="small danger"
        aria-label={`Remove ${what}`}
        disabled={count === 1}
        onClick={onRemove}
      >
        Remove
      </button>
    </div>
  );
}

/** A refusal of a whole list or item, above its fields. */
export function GroupProblem({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

export function StagesEditor({ form }: { form: JourneyEditorForm }) {
  const stages = useFieldArray({ control: form.control, name: 'stages', keyName: 'key' });
  const problem = form.errorOf('stages.root');
  return (
    <section className="journey-stages-editor" aria-labelledby="journey-stages-heading">
      <h2 id="journey-stages-heading">Stages</h2>
      <p className="field-hint">
        In the order customers go through them. An interaction belongs to the first touchpoint, in this order, whose
        matcher it fits.
      </p>
      <GroupProblem id="journey-stages-error" message={problem} />
      <ol className="journey-stage-list">
        {stages.fields.map((field, index) => (
          <li key={field.key}>
            <StageFields
              form={form}
              index={index}
              count={stages.fields.length}
              onMove={(offset) => stages.move(index, index + offset)}
              onRemove={() => stages.remove(index)}
            />
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => stages.append(newStage())}>
        Add a stage
      </button>
    </section>
  );
}

interface StageFieldsProps {
  form: JourneyEditorForm;
  index: number;
  count: number;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
}

function StageFields({ form, index, count, onMove, onRemove }: StageFieldsProps) {
  const path = `stages.${index}` as const;
  const id = `journey-s${index}`;
  const touchpoints = useFieldArray({ control: form.control, name: `${path}.touchpoints`, keyName: 'key' });
  const what = `stage ${index + 1}`;
  return (
    <fieldset className="journey-stage" aria-describedby={form.errorOf(`${path}.root`) ? `${id}-error` : undefined}>
      <legend>Stage {index + 1}</legend>
      <MoveButtons what={what} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      <GroupProblem id={`${id}-error`} message={form.errorOf(`${path}.root`)} />
      <Field id={`${id}-name`} label="Stage name" error={form.errorOf(`${path}.name`)}>
        <input {...form.input(`${path}.name`, `${id}-name`)} />
      </Field>
      <GroupProblem id={`${id}-touchpoints-error`} message={form.errorOf(`${path}.touchpoints.root`)} />
      <ol className="journey-touchpoint-list">
        {touchpoints.fields.map((field, position) => (
          <li key={field.key}>
            <TouchpointEditor
              form={form}
              stage={index}
              index={position}
              count={touchpoints.fields.length}
              onMove={(offset) => touchpoints.move(position, position + offset)}
              onRemove={() => touchpoints.remove(position)}
            />
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => touchpoints.append(newTouchpoint())}>
        Add a touchpoint to stage {index + 1}
      </button>
    </fieldset>
  );
}
