// "Updated just now" beside a list that refreshes itself, so an agent can trust what the queue shows.
import { absoluteTime, relativeTime } from '../time.ts';
import { useNow } from '../useNow.ts';

/** `updatedAt` is when the list last came back from the server (ms), null before it ever has. */
export function Freshness({ updatedAt }: { updatedAt: number | null }) {
  // Minutes are the finest step "updated … ago" shows; a tick every 15 s keeps it honest.
  const now = useNow(15_000);
  if (updatedAt === null) return null;
  const iso = new Date(updatedAt).toISOString();
  return (
    <span className="freshness muted" data-testid="freshness" title={absoluteTime(iso)}>
      Updated {relativeTime(iso, Math.max(now, updatedAt))}
    </span>
  );
}
