// Forms an advisory board (managers): its name, what it is for, and optionally a flag whose holders are members
// too while they hold it. The server's objections appear beside the field they name.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { useZodForm } from '../../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { boardApi, type NewBoard } from '../../feedback/board-api.ts';
import { BOARD_FLAGS } from '../../feedback/board-flags.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { FormActions } from '../FormActions.tsx';

// Emptiness and lengths are the server's to refuse, by field.
const boardSchema = z.object({ name: z.string(), description: z.string(), memberFlag: z.string() }).transform(
  (draft): NewBoard => ({
    name: draft.name,
    ...(draft.description.trim() ? { description: draft.description } : {}),
    memberFlag: draft.memberFlag || null,
  }),
);

interface NewBoardFormProps {
  onFormed: (board: { id: string; name: string }) => void;
  onCancel: () => void;
}

export function NewBoardForm({ onFormed, onCancel }: NewBoardFormProps) {
  const form = useZodForm(boardSchema, {
    defaultValues: { name: '', description: '', memberFlag: '' },
    fields: ['name', 'description', 'memberFlag'],
  });
  const invalidate = useInvalidate();
  const create = useMutation({
    mutationFn: (board: NewBoard) => boardApi.createBoard(board),
    onSuccess: () => invalidate(queryKeys.advisoryBoardList()),
  });
  return (
    <form
      className="panel settings-form"
      aria-labelledby="new-board-heading"
      onSubmit={form.submitWith(async (board) => onFormed(await create.mutateAsync(board)))}
      noValidate
    >
      <h2 id="new-board-heading">New board</h2>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <Field id="board-name" label="Name" error={form.errorOf('name')}>
        <input {...form.input('name', 'board-name')} placeholder="e.g. Customer council 2027" />
      </Field>
      <Field id="board-description" label="What it is for (optional)" error={form.errorOf('description')}>
        <textarea {...form.input('description', 'board-description')} rows={3} />
      </Field>
      <Field
        id="board-flag"
        label="Also every customer flagged"
        error={form.errorOf('memberFlag')}
        hint="They are members while they hold the flag, beside those you add by hand."
      >
        <select {...form.input('memberFlag', 'board-flag')}>
          <option value="">Nobody by a flag</option>
          {BOARD_FLAGS.map(({ flag, title }) => (
            <option key={flag} value={flag}>
              {title}
            </option>
          ))}
        </select>
      </Field>
      <FormActions saving={form.saving} submitLabel="Form the board" onCancel={onCancel} />
    </form>
  );
}
