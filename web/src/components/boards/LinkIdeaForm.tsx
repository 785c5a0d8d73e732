// Links input already recorded to an idea: "Link to an idea…" opens a pick from the ideas list; once linked, its
// giver is a requester of the idea in the words she gave.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { useZodForm } from '../../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { boardApi, type BoardInput, type IdeaChoice } from '../../feedback/board-api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { ideaName } from './IdeaLink.tsx';

const linkSchema = z.object({ ideaId: z.string().min(1, 'Choose the idea it asks for.') });

interface LinkIdeaFormProps {
  boardId: string;
  input: BoardInput;
  ideas: readonly IdeaChoice[];
}

export function LinkIdeaForm({ boardId, input, ideas }: LinkIdeaFormProps) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="small" onClick={() => setOpen(true)}>
        Link to an idea…
      </button>
    );
  }
  return <LinkForm boardId={boardId} input={input} ideas={ideas} onCancel={() => setOpen(false)} />;
}

function LinkForm({ boardId, input, ideas, onCancel }: LinkIdeaFormProps & { onCancel: () => void }) {
  const id = `link-idea-${input.id}`;
  const form = useZodForm(linkSchema, { defaultValues: { ideaId: '' }, fields: ['ideaId'] });
  const invalidate = useInvalidate();
  const link = useMutation({
    mutationFn: (ideaId: string) => boardApi.linkInput(boardId, input.id, ideaId),
    // The idea gained a requester, the feed an idea request, her timeline nothing new: refresh the first two.
    onSuccess: () => invalidate(queryKeys.advisoryBoard(boardId), queryKeys.ideasToLink(), queryKeys.feedbackFeed()),
  });
  return (
    <form
      className="link-idea"
      aria-label="Link to an idea"
      onSubmit={form.submitWith(async ({ ideaId }) => {
        await link.mutateAsync(ideaId);
      })}
      noValidate
    >
      {form.general !== null && <ErrorAlert error={form.general} />}
      <Field id={id} label="Idea" error={form.errorOf('ideaId')}>
        <select {...form.input('ideaId', id)}>
          <option value="">Choose an idea…</option>
          {ideas.map((idea) => (
            <option key={idea.id} value={idea.id}>
              {ideaName(idea)}
            </option>
          ))}
        </select>
      </Field>
      <div className="form-actions">
        <button type="submit" className="small primary" disabled={form.saving}>
          {form.saving ? 'Linking…' : 'Link'}
        </button>
        <button type="button" className="small" disabled={form.saving} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
