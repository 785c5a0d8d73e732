// Kept only while a form still loads this way: a thin wrapper over one TanStack query with a key of its own.
// New code uses useQuery with a key from queries.ts, which other screens can invalidate.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useId } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

/** `const [tokens, reloadTokens] = useLoaded(() => api.tokens());` — `load` is read at each load. */
export function useLoaded<T>(load: () => Promise<T>): [Loaded<T>, () => void] {
  const query = useQuery({ queryKey: ['loaded', useId()], queryFn: load });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  if (query.isSuccess) return [{ state: 'ready', value: query.data }, reload];
  if (query.isError) return [{ state: 'failed', error: query.error }, reload];
  return [{ state: 'loading' }, reload];
}
