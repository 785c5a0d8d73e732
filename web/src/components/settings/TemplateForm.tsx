// Creates or changes a reply template. The server checks the Mustache text and names any variable it
// cannot fill; that message appears under the text, with the allowed variables listed alongside.
import { useRef, useState } from 'react';
import { describedBy } from '../../forms.ts';
import { useFormSubmit } from '../../useFormSubmit.ts';
import { settingsApi } from '../../settings/api.ts';
import type { ReplyTemplate } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';
import { VariableList } from './VariableList.tsx';
import { FormActions } from '../FormActions.tsx';

const FIELDS = ['name', 'body'] as const;

interface TemplateFormProps {
  /** null for a new template. */
  template: ReplyTemplate | null;
  variables: readonly string[];
  onSaved: (template: ReplyTemplate) => void;
  onCancel: () => void;
}

export function TemplateForm({ template, variables, onSaved, onCancel }: TemplateFormProps) {
  const [name, setName] = useState(template?.name ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const bodyBox = useRef<HTMLTextAreaElement>(null);
  const { submit, saving, problem } = useFormSubmit(FIELDS, async () => {
    const input = { name, body };
    onSaved(template ? await settingsApi.replaceTemplate(template.id, input) : await settingsApi.createTemplate(input));
  });
  const { byField } = problem;

  const insert = (variable: string) => {
    const box = bodyBox.current;
    const tag = `{{${variable}}}`;
    const start = box?.selectionStart ?? body.length;
    const end = box?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + tag + body.slice(end));
    // Back to typing right after the inserted variable, once React has put the new text in.
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(start + tag.length, start + tag.length);
    });
  };

  return (
    <form className="panel settings-form" aria-labelledby="template-form-heading" onSubmit={submit} noValidate>
      <h2 id="template-form-heading">{template ? `Edit ${template.name}` : 'New reply template'}</h2>
      {problem.general !== null && <ErrorAlert error={problem.general} />}
      <div className="template-layout">
        <div>
          <Field id="template-name" label="Name" error={byField.name} hint="What agents pick it by in the reply box.">
            <input
              {...describedBy('template-name', byField.name)}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </Field>
          <Field id="template-body" label="Text" error={byField.body}>
            <textarea
              {...describedBy('template-body', byField.body)}
              ref={bodyBox}
              rows={10}
              placeholder={'Hi {{customer.firstName}},\n\n…\n\n{{agent.firstName}}'}
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
          </Field>
          <p className="field-hint">
            Agents see the text filled in for their case and can edit it before sending. A value that is missing for a
            customer is left empty.
          </p>
          <TemplatePreview body={body} />
        </div>
        <VariableList variables={variables} onInsert={insert} />
      </div>
      <FormActions saving={saving} submitLabel={template ? 'Save template' : 'Create template'} onCancel={onCancel} />
    </form>
  );
}
