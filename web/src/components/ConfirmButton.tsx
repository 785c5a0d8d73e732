// A button for something hard to take back: the first click asks, the second does it, Cancel backs out.
// A refusal from the server (say a 409 with its detail) is shown right beside the button.
import { useState } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';

interface ConfirmButtonProps {
  label: string;
  /** What will happen, in words: "Revoke Web shop? Its sources stop being accepted at once." */
  question: string;
  confirmLabel?: string;
  onConfirm: () => Promise<void>;
}

export function ConfirmButton({ label, question, confirmLabel = label, onConfirm }: ConfirmButtonProps) {
  const [step, setStep] = useState<'idle' | 'asking' | 'working'>('idle');
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setStep('working');
    try {
      await onConfirm();
    } catch (failure) {
      setError(failure);
    }
    setStep('idle');
  };

  if (step === 'idle') {
    return (
      <span className="confirm-action">
        <button
          type="button"
          className="small"
          onClick={() => {
            setError(null);
            setStep('asking');
          }}
        >
          {label}
        </button>
        {error !== null && <ErrorAlert error={error} />}
      </span>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring its own border and legend; these are a row of buttons named as one group
    <span className="confirm-action asking" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <span className="confirm-buttons">
        <button type="button" className="small danger" disabled={step === 'working'} onClick={confirm}>
          {step === 'working' ? 'Working…' : confirmLabel}
        </button>
        <button type="button" className="small" disabled={step === 'working'} onClick={() => setStep('idle')}>
          Cancel
        </button>
      </span>
    </span>
  );
}
