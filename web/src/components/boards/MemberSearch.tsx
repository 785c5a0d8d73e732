// Adds a member by hand (managers): search customers as on the home screen, then Add beside the one meant.
// Customers already on the board by hand are not offered again.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { useDebounced } from '../../useDebounced.ts';
import { UNNAMED_CUSTOMER } from '../../customer-label.ts';
import { boardApi, type AdvisoryBoard } from '../../feedback/board-api.ts';
import type { CustomerSummary } from '../../api/types.ts';
import { ErrorAlert, Loading } from '../ErrorAlert.tsx';

const MOST_SHOWN = 5;

const labelOf = (customer: CustomerSummary) =>
  customer.name ?? customer.email ?? customer.handle ?? customer.phone ?? customer.externalId ?? UNNAMED_CUSTOMER;

export function MemberSearch({ board }: { board: AdvisoryBoard }) {
  const [text, setText] = useState('');
  const [query] = useDebounced(text.trim(), 250);
  const results = useQuery({
    queryKey: queryKeys.customerSearch(query),
    queryFn: ({ signal }) => api.searchCustomers(query, null, signal),
    enabled: query !== '',
  });
  const invalidate = useInvalidate();
  const add = useMutation({
    mutationFn: (customer: CustomerSummary) => boardApi.addMember(board.id, customer.id),
    onSuccess: async (_, customer) => {
      await invalidate(queryKeys.advisoryBoards());
      // Done with this search: the box is ready for the next member, the status line says who joined.
      setText('');
      setAdded(labelOf(customer));
    },
  });
  const [added, setAdded] = useState<string | null>(null);
  const byHand = new Set(board.members.filter((member) => member.by === 'hand').map((member) => member.customerId));
  const offered = (results.data?.items ?? []).filter((customer) => !byHand.has(customer.id)).slice(0, MOST_SHOWN);
  return (
    <div className="member-search">
      <label htmlFor="member-search">Add a member</label>
      <input
        id="member-search"
        type="search"
        autoComplete="off"
        placeholder="Search by name, email, phone, @handle or id"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setAdded(null);
        }}
      />
      <p className="member-search-status" role="status">
        {added ? `${added} added to the board.` : ''}
      </p>
      {add.isError && <ErrorAlert error={add.error} />}
      {query !== '' && results.isPending && <Loading label="Searching…" />}
      {results.isError && <ErrorAlert error={results.error} />}
      {query !== '' && results.isSuccess && offered.length === 0 && (
        <p className="muted">No other customers match “{query}”.</p>
      )}
      {offered.length > 0 && (
        <ul className="member-results" aria-label="Customers found">
          {offered.map((customer) => {
            const label = labelOf(customer);
            const contact = [customer.email, customer.phone, customer.handle].filter(Boolean).join(' · ');
            return (
              <li key={customer.id}>
                <span>
                  {label}
                  {contact && contact !== label && <span className="muted"> · {contact}</span>}
                </span>
                <button
                  type="button"
                  className="small"
                  disabled={add.isPending}
                  aria-label={`Add ${label}`}
                  onClick={() => add.mutate(customer)}
                >
                  Add
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
