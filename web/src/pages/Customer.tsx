// Customer page: the context card (who they are, what to say next) beside their open cases and timeline,
// with export and erasure above them for staff allowed those.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { showNotice } from '../notice.ts';
import { useCan } from '../permissions.ts';
import { queryKeys } from '../queries.ts';
import { followLink, navigate } from '../router.ts';
import type { ContextCard as Card, Erasure } from '../api/types.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { ContextCard } from '../components/ContextCard.tsx';
import { CustomerActions } from '../components/CustomerActions.tsx';
import { OpenCases } from '../components/OpenCases.tsx';
import { Timeline } from '../components/Timeline.tsx';

export function Customer({ id }: { id: string }) {
  const can = useCan();
  const queryClient = useQueryClient();
  const loaded = useQuery({ queryKey: queryKeys.customer(id), queryFn: ({ signal }) => api.customer(id, signal) });
  const shown = loaded.data ?? null;
  // The merged-away id the address had, kept while the surviving profile is shown: a later read by the
  // canonical id no longer says it.
  const [arrivedFrom, setArrivedFrom] = useState<{ id: string; from: string } | null>(null);
  const redirectedFrom = shown?.redirectedFrom ?? (arrivedFrom?.id === shown?.id ? arrivedFrom?.from : undefined);

  useEffect(() => {
    // A merged-away id opens the surviving profile: the address becomes its canonical id, and the card shown
    // is the answer for that id too, so the new address needs no new fetch.
    if (!shown || shown.id === id) return;
    if (shown.redirectedFrom) setArrivedFrom({ id: shown.id, from: shown.redirectedFrom });
    queryClient.setQueryData(queryKeys.customer(shown.id), shown);
    navigate(`/customers/${encodeURIComponent(shown.id)}`, { replace: true });
  }, [shown, id, queryClient]);

  // After an edit the card is fetched again, not patched: the summary and flags may follow from the change;
  // an undone merge changes the timeline too.
  const refresh = async () => {
    if (!shown) return;
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.customer(shown.id) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.timeline(shown.id) }),
    ]);
  };

  const erased = (card: Card, erasure: Erasure) => {
    const profiles = erasure.erasedProfiles.length;
    // Search must not show them again from what it read before.
    queryClient.removeQueries({ queryKey: queryKeys.customerSearches() });
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
        {shown && <CustomerActions card={shown} onErased={(erasure) => erased(shown, erasure)} />}
      </div>
      {loaded.isPending && <Loading label="Loading customer…" />}
      {loaded.isError && !shown && <ErrorAlert error={loaded.error} />}
      {shown && (
        <>
          {redirectedFrom && (
            <p className="note" role="note">
              This profile (<code>{redirectedFrom}</code>) was merged into {shown.name ?? 'this customer'} (
              <code>{shown.id}</code>). You are seeing the combined profile.
            </p>
          )}
          <div className="customer-layout">
            <ContextCard card={shown} onChanged={refresh} />
            <div className="customer-main">
              {can('cases:read') && <OpenCases key={shown.id} customerId={shown.id} />}
              {/* Which profiles are merged in decides what the timeline holds, so an undone merge reloads it. */}
              <Timeline key={timelineKey(shown)} customerId={shown.id} />
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
