// A one-off notice that outlives a navigation ("Customer erased" shown on the search page after leaving the
// erased customer's page). It belongs to one path and is dropped once the agent moves elsewhere.
import { useSyncExternalStore } from 'react';

export interface Notice {
  text: string;
  path: string;
}

let current: Notice | null = null;
const listeners = new Set<() => void>();

export function showNotice(notice: Notice | null): void {
  current = notice;
  for (const listener of listeners) listener();
}

export function useNotice(): Notice | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
