// Customer search, the home screen: one box for name, email, phone, @handle or id, results as you type.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { navigate, useLocation } from '../router.ts';
import type { CustomerSummary } from '../types.ts';
import { useDebounced } from '../useDebounced.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { CustomerRow } from '../components/CustomerRow.tsx';

type Results =
  | { state: 'loading' }
  | {
      state: 'ready';
      items: CustomerSummary[];
      nextCursor: string | null;
      capped: boolean;
      more: 'idle' | 'loading' | { failed: unknown };
    }
  | { state: 'failed'; error: unknown };

export function Search() {
  const { search } = useLocation();
  const [text, setText] = useState(() => search.get('q') ?? '');
  const [query, runNow] = useDebounced(text.trim(), 250);
  const [results, setResults] = useState<Results>({ state: 'loading' });
  const addressQuery = search.get('q') ?? '';

  useEffect(() => {
    // The address changed under us (the Customers link, Back/Forward): show what it asks for.
    // Our own replace below always writes `query`, so it never lands here with a difference.
    if (addressQuery !== query) {
      setText(addressQuery);
      runNow(addressQuery);
    }
  }, [addressQuery]);

  useEffect(() => {
    // Keep the query in the address so Back from a customer returns to the same results.
    navigate(query ? `/?q=${encodeURIComponent(query)}` : '/', { replace: true });
    const controller = new AbortController();
    setResults({ state: 'loading' });
    api.searchCustomers(query, null, controller.signal).then(
      (page) =>
        setResults({
          state: 'ready',
          items: page.items,
          nextCursor: page.nextCursor,
          capped: page.capped ?? false,
          more: 'idle',
        }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResults({ state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [query]);

  /** The next page, added under the ones shown; a failure is shown by the button and can be tried again. */
  const loadMore = () => {
    if (results.state !== 'ready' || !results.nextCursor || results.more === 'loading') return;
    const shown = results;
    setResults({ ...shown, more: 'loading' });
    api.searchCustomers(query, shown.nextCursor).then(
      (page) =>
        setResults({ ...shown, items: [...shown.items, ...page.items], nextCursor: page.nextCursor, more: 'idle' }),
      (error: unknown) => setResults({ ...shown, more: { failed: error } }),
    );
  };

  return (
    <section className="page search-page">
      <h1>Customers</h1>
      <form
        className="search-box"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          runNow(text.trim());
        }}
      >
        <label htmlFor="customer-search">Find a customer</label>
        <div className="search-field">
          <svg viewBox="0 0 24 24" aria-hidden="true" className="search-icon">
            <circle cx="11" cy="11" r="6.5" />
            <path d="m16 16 4.5 4.5" />
          </svg>
          <input
            id="customer-search"
            data-testid="search-input"
            type="search"
            autoComplete="off"
            autoFocus
            placeholder="Search by name, email, phone, @handle or id"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      </form>
      <ResultList query={query} results={results} onMore={loadMore} />
    </section>
  );
}

function ResultList({ query, results, onMore }: { query: string; results: Results; onMore: () => void }) {
  if (results.state === 'loading') return <Loading label="Searching…" />;
  if (results.state === 'failed') return <ErrorAlert error={results.error} />;
  if (results.items.length === 0) {
    return (
      <div className="empty-state">
        {query ? (
          <p>
            No customers match <strong>“{query}”</strong>. Try an email address, a phone number with country code, or an
            @handle.
          </p>
        ) : (
          <p>No customers yet. They appear here as soon as your sources send events or interactions.</p>
        )}
      </div>
    );
  }
  return (
    <>
      <h2 className="list-heading">{query ? `Results for “${query}”` : 'Recently seen'}</h2>
      <ul className="result-list">
        {results.items.map((customer) => (
          <CustomerRow key={customer.id} customer={customer} />
        ))}
      </ul>
      {typeof results.more === 'object' && <ErrorAlert error={results.more.failed} />}
      {results.nextCursor && (
        <button type="button" className="secondary load-older" disabled={results.more === 'loading'} onClick={onMore}>
          {results.more === 'loading' ? 'Loading…' : 'More customers'}
        </button>
      )}
      {results.capped && !results.nextCursor && (
        <p className="muted small-text">Only the first 1,000 matches are listed: add to the search to narrow it.</p>
      )}
    </>
  );
}
