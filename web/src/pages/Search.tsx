// Customer search, the home screen: one box for name, email, phone, @handle or id, results as you type.
import { type UseInfiniteQueryResult, type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { cursorPaging, itemsOf, queryKeys } from '../queries.ts';
import { navigate, useLocation } from '../router.ts';
import { useDebounced } from '../useDebounced.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { CustomerRow } from '../components/CustomerRow.tsx';

type Page = Awaited<ReturnType<typeof api.searchCustomers>>;
type Results = UseInfiniteQueryResult<InfiniteData<Page>>;

export function Search() {
  const { search } = useLocation();
  const [text, setText] = useState(() => search.get('q') ?? '');
  const [query, runNow] = useDebounced(text.trim(), 250);
  const addressQuery = search.get('q') ?? '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the address only; the debounced query is read, not followed
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
  }, [query]);
  const results = useInfiniteQuery({
    queryKey: queryKeys.customerSearch(query),
    queryFn: ({ pageParam, signal }) => api.searchCustomers(query, pageParam, signal),
    ...cursorPaging,
  });

  return (
    <section className="page search-page">
      <h1>Customers</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet in every browser the help desk supports; role=search on the form is the ARIA pattern */}
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
            // biome-ignore lint/a11y/noAutofocus: the home screen is one search box; typing at once is what everyone comes for
            autoFocus
            placeholder="Search by name, email, phone, @handle or id"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      </form>
      <ResultList query={query} results={results} />
    </section>
  );
}

function ResultList({ query, results }: { query: string; results: Results }) {
  if (results.isPending) return <Loading label="Searching…" />;
  if (!results.data) return <ErrorAlert error={results.error} />;
  const items = itemsOf(results.data.pages);
  const nextCursor = results.data.pages.at(-1)?.nextCursor ?? null;
  // The next page is added under the ones shown; its failure is shown by the button, to try again.
  const more = results.isFetchingNextPage ? 'loading' : results.isFetchNextPageError ? 'failed' : 'idle';
  if (items.length === 0) {
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
        {items.map((customer) => (
          <CustomerRow key={customer.id} customer={customer} />
        ))}
      </ul>
      {more === 'failed' && <ErrorAlert error={results.error} />}
      {nextCursor && (
        <button
          type="button"
          className="secondary load-older"
          disabled={more === 'loading'}
          onClick={() => void results.fetchNextPage()}
        >
          {more === 'loading' ? 'Loading…' : 'More customers'}
        </button>
      )}
      {results.data.pages[0]?.capped && !nextCursor && (
        <p className="muted small-text">Only the first 1,000 matches are listed: add to the search to narrow it.</p>
      )}
    </>
  );
}
