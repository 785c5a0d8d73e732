// Writing on a case: a reply to the customer (optionally started from a template rendered for this
// case, which the agent can edit before sending) or an internal note that only staff see. The reply
// says where it goes ("to jane@example.com by email") only when it can go there; otherwise it says
// plainly why not and offers a note instead.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { api } from '../api.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import { humanize } from '../labels.ts';
import { useCan } from '../permissions.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import type { CaseDetail, ReplyTemplate } from '../api/types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';
import { deliveryApi, type ReplyTarget } from '../delivery-api.ts';
import { containsSurveyLink, surveyLinkHint } from '../surveys/reply-link.ts';
import '../delivery.css';

type Mode = 'reply' | 'note';

// Sent as typed: the text's limits and characters are the server's rules, refused beside the box.
const writingSchema = z.object({ text: z.string() });

export function ReplyBox({ detail, onSent }: { detail: CaseDetail; onSent: () => Promise<void> }) {
  const can = useCan();
  const mayReply = can('cases:write') && detail.status !== 'closed';
  const mayNote = can('notes:write');
  const [mode, setMode] = useState<Mode>(mayReply ? 'reply' : 'note');
  const form = useZodForm(writingSchema, { defaultValues: { text: '' }, fields: ['text'] });
  const text = form.watch('text');
  const [templateId, setTemplateId] = useState('');
  const [templates, setTemplates] = useState<ReplyTemplate[]>([]);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);
  // undefined while asked; null when the question failed (the reply box then says only the channel).
  const [target, setTarget] = useState<ReplyTarget | null | undefined>(undefined);
  const replying = mode === 'reply' && mayReply;
  const cannotSend = replying && target?.canSend === false;

  // biome-ignore lint/correctness/useExhaustiveDependencies: where a reply goes follows the customer too (a merge moves it).
  useEffect(() => {
    if (!mayReply) return;
    const controller = new AbortController();
    deliveryApi.replyTarget(detail.id, controller.signal).then(setTarget, () => {
      if (!controller.signal.aborted) setTarget(null);
    });
    return () => controller.abort();
  }, [detail.id, detail.customerId, mayReply]);

  useEffect(() => {
    if (!mayReply) return;
    // No templates is not worth an alert: the agent can always write the reply themselves.
    api.templates().then(
      (page) => setTemplates(page.items),
      () => setTemplates([]),
    );
  }, [mayReply]);

  const invalidate = useInvalidate();
  const write = useMutation({
    mutationFn: ({ text: written, reply }: { text: string; reply: boolean }) =>
      reply ? api.reply(detail.id, written) : api.addNote(detail.id, written),
    onSuccess: () => invalidate(queryKeys.cases(), queryKeys.mentions()),
  });
  const send = async ({ text: written }: z.output<typeof writingSchema>) => {
    await write.mutateAsync({ text: written, reply: replying });
    form.reset();
    setTemplateId('');
    await onSent();
  };

  const pickTemplate = async (id: string) => {
    setTemplateId(id);
    setPreviewError(null);
    if (!id) return;
    setPreviewing(true);
    try {
      form.setValue('text', (await api.previewTemplate(detail.id, id)).text);
    } catch (failure) {
      setPreviewError(failure);
    } finally {
      setPreviewing(false);
    }
  };

  if (!mayReply && !mayNote) return null;
  const label = replying ? 'Message' : 'Note';
  return (
    <form
      className="reply-box panel"
      aria-label={replying ? 'Reply to the customer' : 'Add an internal note'}
      onSubmit={form.submitWith(send)}
      noValidate
    >
      {mayReply && mayNote && (
        <fieldset className="segmented">
          <legend className="visually-hidden">What to write</legend>
          <label className={replying ? 'chosen' : undefined}>
            <input type="radio" name="reply-mode" value="reply" checked={replying} onChange={() => setMode('reply')} />
            Reply to customer
          </label>
          <label className={!replying ? 'chosen note' : undefined}>
            <input type="radio" name="reply-mode" value="note" checked={!replying} onChange={() => setMode('note')} />
            Internal note
          </label>
        </fieldset>
      )}
      {!mayReply && <h2 className="reply-heading">Add an internal note</h2>}
      {form.general !== null && <ErrorAlert error={form.general} />}
      {replying && templates.length > 0 && (
        <Field
          id="reply-template"
          label="Template"
          hint="Fills in the reply for this customer; edit it before sending."
        >
          <select
            id="reply-template"
            value={templateId}
            disabled={previewing}
            onChange={(event) => pickTemplate(event.target.value)}
          >
            <option value="">No template</option>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {previewError !== null && <ErrorAlert error={previewError} />}
      {cannotSend && (
        <div className="reply-undeliverable" role="status" data-testid="reply-undeliverable">
          <p>
            <strong>This reply cannot be sent.</strong> {target?.reason}
          </p>
          {mayNote && (
            <button type="button" onClick={() => setMode('note')}>
              Write an internal note instead
            </button>
          )}
        </div>
      )}
      <Field
        id="reply-text"
        label={label}
        error={form.errorOf('text')}
        hint={replying ? replyHint(target, detail.channel) : 'Only staff see notes. @name mentions a colleague.'}
      >
        <textarea {...form.input('text', 'reply-text')} className={replying ? undefined : 'note-text'} rows={5} />
      </Field>
      {replying && containsSurveyLink(text) && (
        <p className="field-hint survey-link-hint" role="status" data-testid="survey-link-hint">
          {surveyLinkHint(detail.customerName)}
        </p>
      )}
      <div className="reply-actions">
        <button
          type="submit"
          className="primary"
          disabled={form.saving || previewing || text.trim() === '' || cannotSend}
        >
          {form.saving ? (replying ? 'Sending…' : 'Adding…') : replying ? 'Send reply' : 'Add internal note'}
        </button>
      </div>
    </form>
  );
}

/** Where the reply goes, in the composer's words: only what the server says it can reach. */
function replyHint(target: ReplyTarget | null | undefined, channel: string): string {
  if (target === undefined) return 'Checking where this reply goes…';
  if (target === null) return `Goes to the customer by ${humanize(channel).toLowerCase()}, the case's channel.`;
  if (!target.canSend || !target.description) return 'It cannot go out: see above.';
  return target.description.startsWith('to ') ? `Goes ${target.description}.` : `Goes as a ${target.description}.`;
}
