// Runs one change at a time for a control (Remove, Clear…) as a TanStack mutation: busy while it runs, its
// failure kept to show. The change itself says what to invalidate (or which `onChanged` to call) when it is done.
import { useMutation } from '@tanstack/react-query';

export function useAction(): { run: (action: () => Promise<unknown>) => Promise<void>; busy: boolean; error: unknown } {
  const mutation = useMutation({ mutationFn: (action: () => Promise<unknown>) => action() });
  const run = async (action: () => Promise<unknown>) => {
    // The failure is kept in the mutation, to show; the control's caller has nothing more to do with it.
    await mutation.mutateAsync(action).catch(() => undefined);
  };
  return { run, busy: mutation.isPending, error: mutation.error };
}
