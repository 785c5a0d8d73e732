// My account: anyone signed in changes their own password and sees, creates and revokes their own API tokens.
import { useQuery } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../queries.ts';
import { useState } from 'react';
import { describedBy } from '../forms.ts';
import { PASSWORD_RULE, staffAccountsApi, type ApiToken, type CreatedApiToken } from '../staff-api.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
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

function PasswordChangeForm({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { submit, saving, problem } = useFormSubmit(['currentPassword', 'newPassword'], async () => {
    await staffAccountsApi.changeOwnPassword(current, next);
    setCurrent('');
    setNext('');
    onChanged();
  });
  const { byField } = problem;
  return (
    <form className="panel settings-form" aria-labelledby="password-heading" onSubmit={submit} noValidate>
      <h2 id="password-heading">Change your password</h2>
      {problem.general !== null && <ErrorAlert error={problem.general} />}
      <div className="form-row">
        <Field id="current-password" label="Current password" error={byField.currentPassword}>
          <input
            {...describedBy('current-password', byField.currentPassword)}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        </Field>
        <Field id="new-password" label="New password" error={byField.newPassword} hint={PASSWORD_RULE}>
          <input
            {...describedBy('new-password', byField.newPassword)}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.target.value)}
          />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={saving}>
        {saving ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}

function TokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const [name, setName] = useState('');
  const { submit, saving, problem } = useFormSubmit(['name'], async () => {
    onCreated(await staffAccountsApi.createToken(name.trim()));
    setName('');
  });
  return (
    <form className="inline-form" aria-label="New API token" onSubmit={submit} noValidate>
      {problem.general !== null && <ErrorAlert error={problem.general} />}
      <Field
        id="token-name"
        label="Token name"
        error={problem.byField.name}
        hint="What it is for, e.g. nightly export."
      >
        <input
          {...describedBy('token-name', problem.byField.name)}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <button type="submit" disabled={saving}>
        {saving ? 'Creating…' : 'Create token'}
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
