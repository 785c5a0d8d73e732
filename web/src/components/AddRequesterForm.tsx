// "Add a requester": another customer asked for it (on a call, in a shop): find her, give her words. Asking
// again adds her new words to her earlier ones on the server.
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { api } from '../api.ts';
import type { CustomerSummary } from '../api/types.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import { ideasApi } from '../ideas-api.ts';
import { cursorPaging, queryKeys, useInvalidate } from '../queries.ts';
import { useDebounced } from '../useDebounced.ts';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';
import '../case-actions.css';

const requesterSchema = z.object({
  customerId: z.string().min(1, 'Find and choose the customer who asked'),
  text: z.string().trim().min(1, 'Give her words: what she asked for'),
});

const SHOWN_MATCHES = 6;

const summaryLabel = (customer: CustomerSummary) =>
  customer.name ?? customer.email ?? customer.handle ?? customer.phone ?? customer.externalId ?? customer.id;

export function AddRequesterForm({ ideaId }: { ideaId: string }) {
  const form = useZodForm(requesterSchema, {
    defaultValues: { customerId: '', text: '' },
    // The route's own checks name the body's fields under `body.`.
    fields: ['customerId', 'text', 'body.customerId', 'body.text'],
    rename: { 'body.customerId': 'customerId', 'body.text': 'text' },
  });
  const [find, setFind] = useState('');
  const [query] = useDebounced(find.trim(), 250);
  // The same cached answer as the customer search page, first page only.
  const matches = useInfiniteQuery({
    queryKey: queryKeys.customerSearch(query),
    queryFn: ({ pageParam, signal }) => api.searchCustomers(query, pageParam, signal),
    ...cursorPaging,
    enabled: query !== '',
  });
  const found = (matches.data?.pages[0]?.items ?? []).slice(0, SHOWN_MATCHES);
  const invalidate = useInvalidate();
  const add = useMutation({
    mutationFn: (requester: z.output<typeof requesterSchema>) => ideasApi.addRequester(ideaId, requester),
    onSuccess: () => invalidate(queryKeys.ideas()),
  });
  const chosen = form.watch('customerId');

  return (
    <details className="panel add-requester">
      <summary>Add a requester</summary>
      <form
        aria-label="Add a requester"
        onSubmit={form.submitWith(async (values) => {
          await add.mutateAsync(values);
          form.reset();
          setFind('');
        })}
        noValidate
      >
        {form.general !== null && <ErrorAlert error={form.general} />}
        <Field id="requester-find" label="Find the customer" hint="Name, email, phone, @handle or id.">
          <input
            id="requester-find"
            type="search"
            autoComplete="off"
            value={find}
            onChange={(e) => setFind(e.target.value)}
          />
        </Field>
        {query !== '' && matches.isPending && <Loading label="Searching…" />}
        {matches.isError && <ErrorAlert error={matches.error} />}
        {query !== '' && matches.data && found.length === 0 && <p className="muted">No customer matches.</p>}
        {found.length > 0 && (
          <fieldset
            className="plain-fieldset"
            aria-describedby={form.errorOf('customerId') ? 'requester-customer-error' : undefined}
          >
            <legend>Customer</legend>
            <ul className="merge-choices idea-choices">
              {found.map((customer) => (
                <li key={customer.id}>
                  <label>
                    <input type="radio" value={customer.id} {...form.register('customerId')} />
                    <span>
                      {summaryLabel(customer)}
                      {customer.email && customer.name ? <span className="muted"> · {customer.email}</span> : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {form.errorOf('customerId') && (
          <p className="field-error" id="requester-customer-error">
            {form.errorOf('customerId')}
          </p>
        )}
        <Field id="requester-text" label="Her words" error={form.errorOf('text')}>
          <textarea {...form.input('text', 'requester-text')} rows={3} maxLength={5000} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={form.saving || !chosen}>
            {form.saving ? 'Adding…' : 'Add requester'}
          </button>
        </div>
      </form>
    </details>
  );
}
