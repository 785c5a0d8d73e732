// My account: anyone signed in changes their own password and sees, creates and revokes their own API tokens.
import { useMutation, useQuery } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../queries.ts';
import { useState } from 'react';
import { z } from 'zod';
import { useZodForm } from '../forms/useZodForm.ts';
import { PASSWORD_RULE, staffAccountsApi, type ApiToken, type CreatedApiToken } from '../staff-api.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { Field } from '../components/Field.tsx';
import { StaffTokenList } from '../components/StaffTokenList.tsx';
import '../staff-account.css';

export function MyAccount() {
  const invalidate = useInvalidate();
  const tokens = useQuery({ queryKey: queryKeys.tokens(), queryFn: () => staffAccountsApi.tokens() });
  const reloadTokens = () => void invalidate(queryKeys.tokens());
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [changed, setChanged] = useState(false);
  const revoke = async (token: ApiToken) => {
    await staffAccountsApi.revokeToken(token.id);
    if (created?.id === token.id) setCreated(null);
    reloadTokens();
  };

  return (
    <section className="page settings-page">
      <h1>My account</h1>
      {changed && (
        <p className="note" role="status">
          Password changed. You stay signed in here; your other sessions and your API tokens have ended.
        </p>
      )}
      <PasswordChangeForm
        onChanged={() => {
          setChanged(true);
          setCreated(null);
          reloadTokens();
        }}
      />
      <h2 className="list-heading">API tokens</h2>
      <p>
        Scripts send a token as <code>Authorization: Bearer …</code> and act as you. Revoke one you no longer use; a new
        password revokes them all.
      </p>
      {created && <NewApiToken created={created} onDone={() => setCreated(null)} />}
      <TokenForm
        onCreated={(token) => {
          setCreated(token);
          reloadTokens();
        }}
      />
      {tokens.isPending && <Loading label="Loading tokens…" />}
      {tokens.isError && <ErrorAlert error={tokens.error} />}
      {tokens.isSuccess && <StaffTokenList tokens={tokens.data.items} owner="you" onRevoke={revoke} />}
    </section>
  );
}

// Whether the current password is right and the new one strong enough are the server's rules, named on their field.
const passwordChangeSchema = z.object({ currentPassword: z.string(), newPassword: z.string() });

function PasswordChangeForm({ onChanged }: { onChanged: () => void }) {
  const form = useZodForm(passwordChangeSchema, {
    defaultValues: { currentPassword: '', newPassword: '' },
    fields: ['currentPassword', 'newPassword'],
  });
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: z.output<typeof passwordChangeSchema>) =>
      staffAccountsApi.changeOwnPassword(currentPassword, newPassword),
  });
  return (
    <form
      className="panel settings-form"
      aria-labelledby="password-heading"
      onSubmit={form.submitWith(async (values) => {
        await change.mutateAsync(values);
        form.reset();
        onChanged();
      })}
      noValidate
    >
      <h2 id="password-heading">Change your password</h2>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="form-row">
        <Field id="current-password" label="Current password" error={form.errorOf('currentPassword')}>
          <input
            {...form.input('currentPassword', 'current-password')}
            type="password"
            autoComplete="current-password"
          />
        </Field>
        <Field id="new-password" label="New password" error={form.errorOf('newPassword')} hint={PASSWORD_RULE}>
          <input {...form.input('newPassword', 'new-password')} type="password" autoComplete="new-password" />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={form.saving}>
        {form.saving ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}

const tokenSchema = z.object({ name: z.string().transform((name) => name.trim()) });

function TokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const form = useZodForm(tokenSchema, { defaultValues: { name: '' }, fields: ['name'] });
  const create = useMutation({
    mutationFn: ({ name }: z.output<typeof tokenSchema>) => staffAccountsApi.createToken(name),
  });
  return (
    <form
      className="inline-form"
      aria-label="New API token"
      onSubmit={form.submitWith(async (values) => {
        onCreated(await create.mutateAsync(values));
        form.reset();
      })}
      noValidate
    >
      {form.general !== null && <ErrorAlert error={form.general} />}
      <Field
        id="token-name"
        label="Token name"
        error={form.errorOf('name')}
        hint="What it is for, e.g. nightly export."
      >
        <input {...form.input('name', 'token-name')} />
      </Field>
      <button type="submit" disabled={form.saving}>
        {form.saving ? 'Creating…' : 'Create token'}
      </button>
    </form>
  );
}

function NewApiToken({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  return (
    <section className="new-key" data-testid="new-token" aria-labelledby="created-token-heading">
      <h3 id="created-token-heading">Token “{created.name}” created</h3>
      <p className="new-key-warning">
        <strong>Copy it now: it will not be shown again.</strong>
      </p>
      <code className="secret" data-testid="new-token-value">
        {created.token}
      </code>
      <button type="button" onClick={onDone}>
        I have stored it
      </button>
    </section>
  );
}
