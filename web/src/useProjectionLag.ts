// The customer view's lag as every signed-in screen shares it (one query, polled, since no server event says it
// changed), and the admin's switch that pauses or resumes applying tracked events.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api.ts';
import { queryKeys, useInvalidate } from './queries.ts';

/** Often enough that a lag that matters shows within seconds, rarely enough to cost the server nothing. */
const LAG_POLL_MS = 10_000;

/** `const lag = useProjectionLag(); lag.data?.paused` — refetched every 10 s and when the window gets focus. */
export function useProjectionLag() {
  return useQuery({
    queryKey: queryKeys.projectionLag(),
    queryFn: ({ signal }) => api.projectionLag(signal),
    refetchInterval: LAG_POLL_MS,
    refetchOnWindowFocus: true,
    placeholderData: keepPreviousData,
  });
}

/**
 * `const projector = useProjectorSwitch(); await projector.mutateAsync(true)` pauses (admins). The answer is shown at
 * once and read again, so every screen showing the lag moves on without waiting for the next poll.
 */
export function useProjectorSwitch() {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (paused: boolean) => api.setProjectorPaused(paused),
    onSuccess: async (lag) => {
      client.setQueryData(queryKeys.projectionLag(), lag);
      await invalidate(queryKeys.projectionLag());
    },
  });
}
