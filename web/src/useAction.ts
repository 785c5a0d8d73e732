// Runs one change at a time for a control (Remove, Clear…): busy while it runs, its failure kept to show.
import { useState } from 'react';

export function useAction(): { run: (action: () => Promise<unknown>) => Promise<void>; busy: boolean; error: unknown } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error };
}
