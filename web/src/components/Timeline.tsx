// The customer's timeline, newest first, loaded a page at a time by following the server's cursor.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { Interaction } from '../types.ts';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import { TimelineItem } from './TimelineItem.tsx';

interface Pages {
  items: Interaction[];
  nextCursor: string | null;
}

export function Timeline({ customerId }: { customerId: string }) {
  const [pages, setPages] = useState<Pages | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.timeline(customerId, null, controller.signal).then(
      (page) => {
        setPages(page);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [customerId]);

  const loadOlder = async () => {
    if (!pages?.nextCursor) return;
    setLoading(true);
    setError(null);
    try {
      const page = await api.timeline(customerId, pages.nextCursor);
      // Items that arrived while paging can repeat across pages; show each once.
      const seen = new Set(pages.items.map((item) => item.id));
      setPages({
        items: [...pages.items, ...page.items.filter((item) => !seen.has(item.id))],
        nextCursor: page.nextCursor,
      });
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="timeline panel" data-testid="timeline" aria-labelledby="timeline-heading" aria-busy={loading}>
      <h2 id="timeline-heading">
        Timeline
        {pages && (
          <span className="count">
            {pages.items.length}
            {pages.nextCursor ? '+' : ''}
          </span>
        )}
      </h2>
      {pages && pages.items.length === 0 && <p className="empty-state">Nothing has happened with this customer yet.</p>}
      {pages && pages.items.length > 0 && (
        <ol className="timeline-list">
          {pages.items.map((interaction) => (
            <TimelineItem key={interaction.id} interaction={interaction} />
          ))}
        </ol>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {loading && <Loading label={pages ? 'Loading older activity…' : 'Loading timeline…'} />}
      {!loading && pages?.nextCursor && (
        <button type="button" className="secondary load-older" data-testid="load-older" onClick={loadOlder}>
          Load older
        </button>
      )}
    </section>
  );
}
