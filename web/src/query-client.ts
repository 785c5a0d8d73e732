// The one TanStack Query client of the UI: every read of the API is a query in its cache, every change a mutation
// that invalidates the keys it touches (see queries.ts), and live updates (live.ts) invalidate what changed.
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A failure shows at once, as it did before; the agent's Refresh or the next live update tries again.
      retry: false,
      // Screens that keep current by themselves say so (liveQuery in queries.ts); others read once per visit.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
    mutations: { retry: false },
  },
});
