// Erasure cannot be undone, so it asks the agent to type the customer's name (or id) before it will go ahead.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { z } from 'zod';
import { api } from '../api.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import type { ContextCard, Erasure } from '../api/types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

interface EraseDialogProps {
  card: ContextCard;
  onClose: () => void;
  onErased: (erasure: Erasure) => void;
}

/** The typed answer confirms when it is the customer's id or name (the button waits for that). */
const confirmSchema = (card: ContextCard) =>
  z.object({
    typed: z.string().refine((typed) => {
      const answer = typed.trim();
      return answer !== '' && (answer === card.id || answer === card.name?.trim());
    }),
  });

export function EraseDialog({ card, onClose, onErased }: EraseDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useZodForm(confirmSchema(card), { defaultValues: { typed: '' } });
  // No query is refreshed here: the customer is gone, and `onErased` leaves their page.
  const erase = useMutation({ mutationFn: () => api.eraseCustomer(card.id) });
  const answer = form.watch('typed').trim();
  const confirmed = answer !== '' && (answer === card.id || answer === card.name?.trim());
  // Busy from the click until the dialog goes away: a successful erasure leaves it to the parent.
  const erasing = form.saving || erase.isSuccess;

  // showModal (not `open`) traps focus and makes Escape close it, as a modal should.
  useEffect(() => dialog.current?.showModal(), []);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="erase-heading" onClose={onClose}>
      <form onSubmit={form.submitWith(async () => onErased(await erase.mutateAsync()))} noValidate>
        <h2 id="erase-heading">Erase {card.name ?? 'this customer'}?</h2>
        <p>
          Their identities, traits, preferences, flags and all {card.interactionCount} interactions are deleted, along
          with every profile merged into them. This cannot be undone; the audit log keeps only that it happened.
        </p>
        {form.general !== null && <ErrorAlert error={form.general} />}
        <label htmlFor="erase-confirm">
          Type{' '}
          {card.name ? (
            <>
              their name, <strong>{card.name}</strong>, or{' '}
            </>
          ) : null}
          the id <code>{card.id}</code> to confirm
        </label>
        <input id="erase-confirm" autoComplete="off" autoFocus {...form.register('typed')} />
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="danger solid" disabled={!confirmed || erasing}>
            {erasing ? 'Erasing…' : 'Erase customer'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
