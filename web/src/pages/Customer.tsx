// Customer page: the context card (who they are, what to say next) beside their open cases and timeline,
// with export and erasure above them for staff allowed those.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { showNotice } from '../notice.ts';
import { useCan } from '../permissions.ts';
import { followLink, navigate } from '../router.ts';
import type { ContextCard as Card, Erasure } from '../types.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { ContextCard } from '../components/ContextCard.tsx';
import { CustomerActions } from '../components/CustomerActions.tsx';
import { OpenCases } from '../components/OpenCases.tsx';
import { Timeline } from '../components/Timeline.tsx';

type Loaded = { state: 'loading' } | { state: 'ready'; card: Card } | { state: 'failed'; error: unknown };

export function Customer({ id }: { id: string }) {
  const can = useCan();
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

  // After an edit the card is fetched again, not patched: the summary and flags may follow from the change.
  const refresh = async () => {
    if (shownId === null) return;
    setLoaded({ state: 'ready', card: await api.customer(shownId) });
  };

  const erased = (card: Card, erasure: Erasure) => {
    const profiles = erasure.erasedProfiles.length;
    navigate('/');
    showNotice({
      path: '/',
      text: `${card.name ?? card.id} was erased: ${profiles} ${profiles === 1 ? 'profile' : 'profiles'} and ${erasure.interactions} ${
        erasure.interactions === 1 ? 'interaction' : 'interactions'
      } deleted.`,
    });
  };

  return (
    <section className="page customer-page">
      <div className="page-bar">
        <p className="breadcrumb">
          <a href="/" onClick={(event) => followLink(event, '/')}>
            ← Customers
          </a>
        </p>
        {loaded.state === 'ready' && (
          <CustomerActions card={loaded.card} onErased={(erasure) => erased(loaded.card, erasure)} />
        )}
      </div>
      {loaded.state === 'loading' && <Loading label="Loading customer…" />}
      {loaded.state === 'failed' && <ErrorAlert error={loaded.error} />}
      {loaded.state === 'ready' && (
        <>
          {loaded.card.redirectedFrom && (
            <p className="note" role="note">
              This profile (<code>{loaded.card.redirectedFrom}</code>) was merged into{' '}
              {loaded.card.name ?? 'this customer'} (<code>{loaded.card.id}</code>). You are seeing the combined
              profile.
            </p>
          )}
          <div className="customer-layout">
            <ContextCard card={loaded.card} onChanged={refresh} />
            <div className="customer-main">
              {can('cases:read') && <OpenCases key={loaded.card.id} customerId={loaded.card.id} />}
              {/* Which profiles are merged in decides what the timeline holds, so an undone merge reloads it. */}
              <Timeline key={timelineKey(loaded.card)} customerId={loaded.card.id} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function timelineKey(card: Card): string {
  return [card.id, ...card.merges.filter((merge) => merge.undoneAt === null).map((merge) => merge.id)].join(' ');
}
