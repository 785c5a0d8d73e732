// "Merge into…": this idea is a duplicate of another; after a confirm, every requester with all her words and the
// replies move there, this idea points to it, and the page goes to the survivor.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { useZodForm } from '../forms/useZodForm.ts';
import { ideaPath } from '../ideas.ts';
import { type Idea, type IdeaSummary, ideasApi } from '../ideas-api.ts';
import { showNotice } from '../notice.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { navigate } from '../router.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { IdeaPicker } from './IdeaPicker.tsx';

const mergeSchema = z.object({ intoId: z.string().min(1, 'Choose the idea it duplicates') });

export function IdeaMergeDialog({ idea, onClose }: { idea: Idea; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useZodForm(mergeSchema, { defaultValues: { intoId: '' }, fields: ['intoId'] });
  const [into, setInto] = useState<IdeaSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const invalidate = useInvalidate();
  const merge = useMutation({
    mutationFn: (intoId: string) => ideasApi.merge(idea.id, intoId),
    onSuccess: () => invalidate(queryKeys.ideas()),
  });
  const intoId = form.watch('intoId');

  useEffect(() => dialog.current?.showModal(), []);

  // The first press asks, the second merges.
  const submit = async ({ intoId: chosen }: z.output<typeof mergeSchema>) => {
    if (!confirming) {
      setConfirming(true);
      return;
    }
    let survivor: Idea;
    try {
      survivor = await merge.mutateAsync(chosen);
    } catch (failure) {
      setConfirming(false);
      throw failure;
    }
    const path = ideaPath(survivor.number);
    navigate(path);
    showNotice({
      path,
      text: `#${idea.number} was merged into #${survivor.number}: its requesters and their words are here now.`,
    });
  };

  return (
    <dialog ref={dialog} className="dialog merge-dialog" aria-labelledby="idea-merge-heading" onClose={onClose}>
      <form onSubmit={form.submitWith(submit)} noValidate>
        <h2 id="idea-merge-heading">Merge #{idea.number} into…</h2>
        <p className="muted">
          The idea it duplicates. Every requester moves there with all her words and replies; #{idea.number} points to
          it.
        </p>
        {form.general !== null && <ErrorAlert error={form.general} />}
        <IdeaPicker
          name="merge-into"
          legend="Merge into"
          value={intoId}
          excludeId={idea.id}
          disabled={form.saving}
          error={form.errorOf('intoId')}
          onChange={(chosen) => {
            form.setValue('intoId', chosen.id);
            setInto(chosen);
            setConfirming(false);
          }}
        />
        {confirming && into && (
          <p className="note" role="status">
            Merge #{idea.number} into #{into.number}? It cannot be undone.
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()} disabled={form.saving}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!intoId || form.saving}>
            {form.saving ? 'Working…' : confirming && into ? `Merge into #${into.number}` : 'Continue'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
