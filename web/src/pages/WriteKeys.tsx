// Settings → Write keys: the credentials websites, shops and other systems send events with.
import { useMutation, useQuery } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../queries.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import type { CreatedWriteKey, WriteKey } from '../api/types.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { EventProcessing } from '../components/EventProcessing.tsx';
import { NewWriteKey } from '../components/NewWriteKey.tsx';
import { WriteKeyForm } from '../components/WriteKeyForm.tsx';
import { WriteKeyList } from '../components/WriteKeyList.tsx';

const KEYS_RECHECK_MS = 15_000;

export function WriteKeys() {
  const invalidate = useInvalidate();
  // "Last used" moves while a source sends: an admin who just set one up watches it come alive.
  const keys = useQuery({
    queryKey: queryKeys.writeKeys(),
    queryFn: () => api.writeKeys(),
    refetchInterval: KEYS_RECHECK_MS,
  });
  const reloadKeys = () => void invalidate(queryKeys.writeKeys());
  const [created, setCreated] = useState<CreatedWriteKey | null>(null);

  // WriteKeyList shows a refusal beside the key, so the mutation's own error is not shown again here.
  const revoking = useMutation({
    mutationFn: (key: WriteKey) => api.revokeWriteKey(key.id),
    onSuccess: (_answer, key) => {
      if (created?.id === key.id) setCreated(null);
      reloadKeys();
    },
  });
  const revoke = async (key: WriteKey) => {
    await revoking.mutateAsync(key);
  };

  return (
    <section className="page settings-page">
      <h1>Write keys</h1>
      <p className="lead muted">
        Each system that sends events (your website, shop or CRM) gets its own key, used as the Basic auth user name on{' '}
        <code>/v1</code>. Revoke a key and that system is refused at once.
      </p>
      {created && <NewWriteKey created={created} onDone={() => setCreated(null)} />}
      <WriteKeyForm
        onCreated={(key) => {
          setCreated(key);
          reloadKeys();
        }}
      />
      <h2 className="list-heading">Keys</h2>
      {keys.isPending && <Loading label="Loading write keys…" />}
      {keys.isError && <ErrorAlert error={keys.error} />}
      {keys.isSuccess && <WriteKeyList keys={keys.data.items} onRevoke={revoke} />}
      <EventProcessing />
    </section>
  );
}
