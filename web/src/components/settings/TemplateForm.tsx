// Creates or changes a reply template. The server checks the Mustache text and names any variable it
// cannot fill; that message appears under the text, with the allowed variables listed alongside.
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { z } from 'zod';
import { useZodForm } from '../../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { settingsApi } from '../../settings/api.ts';
import type { ReplyTemplate } from '../../api/types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { FormActions } from '../FormActions.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';
import { VariableList } from './VariableList.tsx';

// Sent as typed: the Mustache syntax, the variables and the name being given are the server's rules.
const templateSchema = z.object({ name: z.string(), body: z.string() });
type TemplateInput = z.output<typeof templateSchema>;

interface TemplateFormProps {
  /** null for a new template. */
  template: ReplyTemplate | null;
  variables: readonly string[];
  onSaved: (template: ReplyTemplate) => void;
  onCancel: () => void;
}

export function TemplateForm({ template, variables, onSaved, onCancel }: TemplateFormProps) {
  const form = useZodForm(templateSchema, {
    defaultValues: { name: template?.name ?? '', body: template?.body ?? '' },
    fields: ['name', 'body'],
  });
  const invalidate = useInvalidate();
  const save = useMutation({
    mutationFn: (input: TemplateInput) =>
      template ? settingsApi.replaceTemplate(template.id, input) : settingsApi.createTemplate(input),
    onSuccess: () => invalidate(queryKeys.templates()),
  });
  const body = form.watch('body');
  const bodyBox = useRef<HTMLTextAreaElement | null>(null);
  const { ref: registerBody, ...bodyInput } = form.input('body', 'template-body');

  const insert = (variable: string) => {
    const box = bodyBox.current;
    const tag = `{{${variable}}}`;
    const start = box?.selectionStart ?? body.length;
    const end = box?.selectionEnd ?? body.length;
    form.setValue('body', body.slice(0, start) + tag + body.slice(end));
    // Back to typing right after the inserted variable, once React has put the new text in.
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(start + tag.length, start + tag.length);
    });
  };

  return (
    <form
      className="panel settings-form"
      aria-labelledby="template-form-heading"
      onSubmit={form.submitWith(async (input) => onSaved(await save.mutateAsync(input)))}
      noValidate
    >
      <h2 id="template-form-heading">{template ? `Edit ${template.name}` : 'New reply template'}</h2>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="template-layout">
        <div>
          <Field
            id="template-name"
            label="Name"
            error={form.errorOf('name')}
            hint="What agents pick it by in the reply box."
          >
            <input {...form.input('name', 'template-name')} />
          </Field>
          <Field id="template-body" label="Text" error={form.errorOf('body')}>
            <textarea
              {...bodyInput}
              ref={(element) => {
                registerBody(element);
                bodyBox.current = element;
              }}
              rows={10}
              placeholder={'Hi {{customer.firstName}},\n\n…\n\n{{agent.firstName}}'}
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
      <FormActions
        saving={form.saving}
        submitLabel={template ? 'Save template' : 'Create template'}
        onCancel={onCancel}
      />
    </form>
  );
}
