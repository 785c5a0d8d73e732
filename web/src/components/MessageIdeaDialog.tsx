// "Idea…" on a customer's message: a new idea from it (the title from her first words) or her added to an
// existing one; her words are taken from the message by the server. Then a link to the idea.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import type { Interaction } from '../api/types.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import { ideaPath, titleFromWords } from '../ideas.ts';
import { type Idea, ideasApi } from '../ideas-api.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { followLink } from '../router.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';
import { IdeaPicker } from './IdeaPicker.tsx';
import '../ideas.css';

const messageIdeaSchema = z
  .object({ mode: z.enum(['new', 'existing']), title: z.string(), body: z.string(), ideaId: z.string() })
  .superRefine((values, context) => {
    if (values.mode === 'new' && !values.title.trim())
      context.addIssue({ code: 'custom', path: ['title'], message: 'Give the idea a title' });
    if (values.mode === 'existing' && !values.ideaId)
      context.addIssue({ code: 'custom', path: ['ideaId'], message: 'Choose the idea she asks for' });
  });

export function MessageIdeaDialog({ interaction, onClose }: { interaction: Interaction; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useZodForm(messageIdeaSchema, {
    defaultValues: { mode: 'new', title: titleFromWords(interaction.text ?? ''), body: '', ideaId: '' },
    fields: ['title', 'body', 'ideaId'],
  });
  const [done, setDone] = useState<{ idea: Idea; added: boolean } | null>(null);
  const invalidate = useInvalidate();
  const requester = { customerId: interaction.customerId, interactionId: interaction.id };
  const save = useMutation({
    mutationFn: (values: z.output<typeof messageIdeaSchema>) =>
      values.mode === 'new'
        ? ideasApi.create({ title: values.title.trim(), body: values.body.trim() || undefined, requester })
        : ideasApi.addRequester(values.ideaId, requester),
    onSuccess: () => invalidate(queryKeys.ideas()),
  });
  const mode = form.watch('mode');

  useEffect(() => dialog.current?.showModal(), []);

  return (
    <dialog ref={dialog} className="dialog idea-dialog" aria-labelledby="message-idea-heading" onClose={onClose}>
      <h2 id="message-idea-heading">
        {done ? (done.added ? 'Added to the idea' : 'Idea created') : 'Idea from her message'}
      </h2>
      <blockquote className="idea-words">{interaction.text}</blockquote>
      {done ? (
        <>
          <p role="status">
            {done.added ? 'She is a requester of ' : 'Her words started '}
            <a href={ideaPath(done.idea.number)} onClick={(event) => followLink(event, ideaPath(done.idea.number))}>
              #{done.idea.number} {done.idea.title}
            </a>
            {done.added ? `, with ${done.idea.demand.requesters} asking.` : '.'}
          </p>
          <div className="dialog-buttons">
            <button type="button" className="primary" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={form.submitWith(async (values) =>
            setDone({ idea: await save.mutateAsync(values), added: values.mode === 'existing' }),
          )}
          noValidate
        >
          {form.general !== null && <ErrorAlert error={form.general} />}
          <fieldset className="segmented">
            <legend className="visually-hidden">Where her words go</legend>
            <label className={mode === 'new' ? 'chosen' : undefined}>
              <input type="radio" value="new" {...form.register('mode')} />A new idea
            </label>
            <label className={mode === 'existing' ? 'chosen' : undefined}>
              <input type="radio" value="existing" {...form.register('mode')} />
              An existing idea
            </label>
          </fieldset>
          {mode === 'new' ? (
            <>
              <Field id="message-idea-title" label="Title" error={form.errorOf('title')}>
                <input {...form.input('title', 'message-idea-title')} maxLength={200} autoComplete="off" />
              </Field>
              <Field id="message-idea-body" label="What it is about (optional)" error={form.errorOf('body')}>
                <textarea {...form.input('body', 'message-idea-body')} rows={3} maxLength={10_000} />
              </Field>
            </>
          ) : (
            <IdeaPicker
              name="message-idea"
              legend="The idea she asks for"
              value={form.watch('ideaId')}
              error={form.errorOf('ideaId')}
              disabled={form.saving}
              onChange={(idea) => form.setValue('ideaId', idea.id)}
            />
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={() => dialog.current?.close()} disabled={form.saving}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={form.saving}>
              {form.saving ? 'Saving…' : mode === 'new' ? 'Create idea' : 'Add her to the idea'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
