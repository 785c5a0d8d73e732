// Customer page: the context card (who they are, what to say next) beside their timeline.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { followLink, navigate } from '../router.ts';
import type { ContextCard as Card } from '../types.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { ContextCard } from '../components/ContextCard.tsx';
import { Timeline } from '../components/Timeline.tsx';

type Loaded = { state: 'loading' } | { state: 'ready'; card: Card } | { state: 'failed'; error: unknown };

export function Customer({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const shownId = loaded.state === 'ready' ? loaded.card.id : null;

  useEffect(() => {
    // After a merge redirect the address becomes the canonical id of the card already shown.
    if (shownId === id) return;
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    api.customer(id, controller.signal).then(
      (card) => {
        setLoaded({ state: 'ready', card });
        if (card.id !== id) navigate(`/customers/${encodeURIComponent(card.id)}`, { replace: true });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ state: 'failed', error });
      },
    );
    return () => controller.abort();
    // shownId is read only to skip the refetch; a change of it alone must not reload.
  }, [id]);

  return (
    <section className="page customer-page">
      <p className="breadcrumb">
        <a href="/" onClick={(event) => followLink(event, '/')}>← Customers</a>
      </p>
      {loaded.state === 'loading' && <Loading label="Loading customer…" />}
      {loaded.state === 'failed' && <ErrorAlert error={loaded.error} />}
      {loaded.state === 'ready' && (
        <>
          {loaded.card.redirectedFrom && (
            <p className="note" role="note">
              This profile (<code>{loaded.card.redirectedFrom}</code>) was merged into {loaded.card.name ?? 'this customer'}{' '}
              (<code>{loaded.card.id}</code>). You are seeing the combined profile.
            </p>
          )}
          <div className="customer-layout">
            <ContextCard card={loaded.card} />
            <Timeline key={loaded.card.id} customerId={loaded.card.id} />
          </div>
        </>
      )}
    </section>
  );
}
