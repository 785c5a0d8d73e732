// The builder's questions: the score question (one for NPS, CSAT and CES, none for a custom survey), the follow-up
// "why" and any choice or text questions, each with its prompt, its id (following the prompt until typed) and
// options; added, moved and removed in place.
import { useFieldArray } from 'react-hook-form';
import type { ZodForm } from '../../forms/useZodForm.ts';
import {
  newQuestion,
  type QuestionDraft,
  type SurveyDraft,
  type SurveyInput,
  slugOf,
  uniqueId,
} from '../../surveys/draft.ts';
import { Checkbox } from '../Checkbox.tsx';
import { Field } from '../Field.tsx';

type SurveyForm = ZodForm<SurveyDraft, SurveyInput>;

/** What a question is called in its legend: `Score question`, `Follow-up “why” question`, `Choice question`. */
function questionName(question: QuestionDraft): string {
  if (question.type === 'score') return 'Score question';
  if (question.type === 'choice') return 'Choice question';
  return question.isComment ? 'Follow-up “why” question' : 'Text question';
}

export function QuestionsEditor({ form }: { form: SurveyForm }) {
  const list = useFieldArray({ control: form.control, name: 'questions', keyName: 'key' });
  const questions = form.watch('questions');
  const problem = form.errorOf('questions.root');
  const add = (type: 'choice' | 'text') => list.append(newQuestion(type, form.getValues('questions')));

  return (
    <fieldset className="panel survey-questions" aria-describedby={problem ? 'survey-questions-error' : undefined}>
      <legend>Questions</legend>
      <p className="field-hint">
        Asked in this order. Answers are kept under each question’s id, so an id stays once answers come in.
      </p>
      {problem && (
        <p className="field-error" id="survey-questions-error">
          {problem}
        </p>
      )}
      <ol className="survey-question-list">
        {list.fields.map((field, index) => {
          const question = questions[index] ?? field;
          return (
            <li key={field.key}>
              <QuestionFields
                form={form}
                index={index}
                question={question}
                count={list.fields.length}
                onMove={(offset) => list.move(index, index + offset)}
                onRemove={() => list.remove(index)}
              />
            </li>
          );
        })}
      </ol>
      <div className="survey-question-add">
        <button type="button" onClick={() => add('choice')}>
          Add a choice question
        </button>
        <button type="button" onClick={() => add('text')}>
          Add a text question
        </button>
      </div>
    </fieldset>
  );
}

interface QuestionFieldsProps {
  form: SurveyForm;
  index: number;
  question: QuestionDraft;
  count: number;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
}

function QuestionFields({ form, index, question, count, onMove, onRemove }: QuestionFieldsProps) {
  const path = `questions.${index}` as const;
  const id = `survey-q${index}`;
  const name = `${index + 1}. ${questionName(question)}`;
  const prompt = form.input(`${path}.prompt`, `${id}-prompt`);
  const idInput = form.input(`${path}.id`, `${id}-id`);
  const set = (field: 'multiple' | 'required' | 'isComment', on: boolean) =>
    form.setValue(`${path}.${field}`, on, { shouldDirty: true });

  return (
    <fieldset className="survey-question" data-testid="survey-question">
      <legend>{name}</legend>
      <div className="survey-question-tools">
        <button
          type="button"
          className="small"
          aria-label={`Move question ${index + 1} up`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="small"
          aria-label={`Move question ${index + 1} down`}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        {question.type !== 'score' && (
          <button type="button" className="small danger" aria-label={`Remove question ${index + 1}`} onClick={onRemove}>
            Remove
          </button>
        )}
      </div>
      <div className="survey-question-row">
        <Field id={`${id}-prompt`} label="Question" error={form.errorOf(`${path}.prompt`)}>
          <input
            {...prompt}
            onChange={async (event) => {
              await prompt.onChange(event);
              // Until the manager types an id, it follows the prompt, unique among the others.
              if (question.idFixed) return;
              const others = form.getValues('questions').filter((_, other) => other !== index);
              form.setValue(`${path}.id`, uniqueId(slugOf(event.target.value), others));
            }}
          />
        </Field>
        <Field
          id={`${id}-id`}
          label="Id"
          error={form.errorOf(`${path}.id`)}
          hint={question.idFixed ? undefined : 'Follows the question until you change it.'}
        >
          <input
            {...idInput}
            className="survey-question-id"
            spellCheck={false}
            onChange={async (event) => {
              await idInput.onChange(event);
              form.setValue(`${path}.idFixed`, true);
            }}
          />
        </Field>
      </div>
      {question.type === 'choice' && (
        <>
          <Field
            id={`${id}-options`}
            label="Options, one per line"
            error={form.errorOf(`${path}.options`)}
            hint="From 2 to 20."
          >
            <textarea {...form.input(`${path}.options`, `${id}-options`)} rows={4} />
          </Field>
          <Checkbox
            id={`${id}-multiple`}
            label="Several may be chosen"
            checked={question.multiple}
            onChange={(on) => set('multiple', on)}
          />
        </>
      )}
      {question.type === 'text' && (
        <Checkbox
          id={`${id}-comment`}
          label="Its answer is the response’s comment"
          hint="Read by listening, shown with the score in the results, and joined to a follow-up case."
          checked={question.isComment}
          onChange={(on) => set('isComment', on)}
        />
      )}
      {question.type !== 'score' && (
        <Checkbox
          id={`${id}-required`}
          label="An answer is required"
          hint="Until it is answered, the response counts as partial."
          checked={question.required}
          onChange={(on) => set('required', on)}
        />
      )}
    </fieldset>
  );
}
