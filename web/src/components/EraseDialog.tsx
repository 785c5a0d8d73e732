// Erasure cannot be undone, so it asks the agent to type the customer's name (or id) before it will go ahead.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import type { ContextCard, Erasure } from '../types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

interface EraseDialogProps {
  card: ContextCard;
  onClose: () => void;
  onErased: (erasure: Erasure) => void;
}

export function EraseDialog({ card, onClose, onErased }: EraseDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const answer = typed.trim();
  const confirmed = answer !== '' && (answer === card.id || answer === card.name?.trim());

  // showModal (not `open`) traps focus and makes Escape close it, as a modal should.
  useEffect(() => dialog.current?.showModal(), []);

  const erase = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!confirmed) return;
    setErasing(true);
    setError(null);
    try {
      onErased(await api.eraseCustomer(card.id));
    } catch (failure) {
      setError(failure);
      setErasing(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="erase-heading" onClose={onClose}>
      <form onSubmit={erase} noValidate>
        <h2 id="erase-heading">Erase {card.name ?? 'this customer'}?</h2>
        <p>
          Their identities, traits, preferences, flags and all {card.interactionCount} interactions are deleted, along
          with every profile merged into them. This cannot be undone; the audit log keeps only that it happened.
        </p>
        {error !== null && <ErrorAlert error={error} />}
        <label htmlFor="erase-confirm">
          Type{' '}
          {card.name ? (
            <>
              their name, <strong>{card.name}</strong>, or{' '}
            </>
          ) : null}
          the id <code>{card.id}</code> to confirm
        </label>
        <input
          id="erase-confirm"
          autoComplete="off"
          autoFocus
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
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
