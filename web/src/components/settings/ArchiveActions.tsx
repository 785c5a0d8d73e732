// A settings row's actions for something archived rather than deleted (a team, an SLA policy): Edit and
// Archive while active, Archive asking first (the question takes the place of the buttons, and names
// what will happen); Restore once archived, without asking, as it is as easily undone.
import { useState } from 'react';

interface ArchiveActionsProps {
  /** Names the row in each button's accessible name: "Archive Holiday desk". */
  name: string;
  archived: boolean;
  /** False where the server would refuse anyway (the default team). */
  canArchive: boolean;
  /** What archiving will do, in words. */
  question: string;
  onEdit: () => void;
  /** These report their own failures; the row only waits for them. */
  onArchive: () => Promise<void>;
  onRestore: () => Promise<void>;
}

export function ArchiveActions({
  name,
  archived,
  canArchive,
  question,
  onEdit,
  onArchive,
  onRestore,
}: ArchiveActionsProps) {
  const [step, setStep] = useState<'idle' | 'asking' | 'working'>('idle');
  const run = async (action: () => Promise<void>) => {
    setStep('working');
    await action();
    setStep('idle');
  };
  if (archived) {
    return (
      <button
        type="button"
        className="small"
        aria-label={`Restore ${name}`}
        disabled={step === 'working'}
        onClick={() => run(onRestore)}
      >
        {step === 'working' ? 'Restoring…' : 'Restore'}
      </button>
    );
  }
  if (step === 'idle') {
    return (
      <>
        <button type="button" className="small" aria-label={`Edit ${name}`} onClick={onEdit}>
          Edit
        </button>
        {canArchive && (
          <button type="button" className="small" aria-label={`Archive ${name}`} onClick={() => setStep('asking')}>
            Archive
          </button>
        )}
      </>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: the question sits inline in a table row, where a fieldset and legend cannot.
    <span className="confirm-action asking" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <span className="confirm-buttons">
        <button type="button" className="small danger" disabled={step === 'working'} onClick={() => run(onArchive)}>
          {step === 'working' ? 'Working…' : 'Archive'}
        </button>
        <button type="button" className="small" disabled={step === 'working'} onClick={() => setStep('idle')}>
          Cancel
        </button>
      </span>
    </span>
  );
}
