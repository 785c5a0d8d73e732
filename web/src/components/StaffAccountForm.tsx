// An admin's controls for one staff account: change the role, reset the password, disable or enable the
// account, and see and revoke their API tokens. Opened from their row in the staff list.
import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { useZodForm } from '../forms/useZodForm.ts';
import { humanize } from '../labels.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { PASSWORD_RULE, staffAccountsApi, type ApiToken, type StaffAccount } from '../staff-api.ts';
import { STAFF_ROLES } from '../choices.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';
import { StaffTokenList } from './StaffTokenList.tsx';
import '../staff-account.css';

interface StaffAccountFormProps {
  member: StaffAccount;
  /** After any change: the account as it is now, and what happened, in words. */
  onChanged: (member: StaffAccount, what: string) => void;
  onClose: () => void;
}

export function StaffAccountForm({ member, onChanged, onClose }: StaffAccountFormProps) {
  const tokens = useQuery({ queryKey: queryKeys.tokens(member.id), queryFn: () => staffAccountsApi.tokens(member.id) });
  const invalidate = useInvalidate();
  const reloadTokens = () => void invalidate(queryKeys.tokens(member.id));
  const headingId = `staff-account-heading-${member.id}`;
  const revoke = async (token: ApiToken) => {
    await staffAccountsApi.revokeToken(token.id);
    reloadTokens();
  };

  return (
    <section className="staff-account" aria-labelledby={headingId} data-testid="staff-account">
      <h3 id={headingId}>Account of {member.name}</h3>
      <div className="staff-account-grid">
        <RoleForm
          member={member}
          onChanged={(updated) => onChanged(updated, `${updated.name} is now ${humanize(updated.role).toLowerCase()}.`)}
        />
        <PasswordResetForm
          member={member}
          onReset={(updated) => {
            reloadTokens();
            onChanged(
              updated,
              `${updated.name}’s password was reset; their sessions and API tokens have ended. Tell them the new one in person.`,
            );
          }}
        />
      </div>
      <AccountSwitch
        member={member}
        onChanged={(updated) => {
          reloadTokens();
          onChanged(
            updated,
            updated.disabled
              ? `${updated.name} is disabled: signed out everywhere, API tokens revoked.`
              : `${updated.name} can sign in again (their old API tokens stay revoked).`,
          );
        }}
      />
      <h4>API tokens</h4>
      {tokens.isPending && <Loading label="Loading tokens…" />}
      {tokens.isError && <ErrorAlert error={tokens.error} />}
      {tokens.isSuccess && <StaffTokenList tokens={tokens.data.items} owner={member.name} onRevoke={revoke} />}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

const roleSchema = z.object({ role: z.enum(STAFF_ROLES) });

function RoleForm({ member, onChanged }: { member: StaffAccount; onChanged: (member: StaffAccount) => void }) {
  const form = useZodForm(roleSchema, { defaultValues: { role: member.role }, fields: ['role'] });
  const invalidate = useInvalidate();
  const change = useMutation({
    mutationFn: ({ role }: z.output<typeof roleSchema>) => staffAccountsApi.changeRole(member.id, role),
    onSuccess: () => invalidate(queryKeys.staff()),
  });
  const id = `staff-account-role-${member.id}`;
  return (
    <form
      className="staff-account-part"
      onSubmit={form.submitWith(async (values) => onChanged(await change.mutateAsync(values)))}
      noValidate
      aria-label={`Role of ${member.name}`}
    >
      {form.general !== null && <ErrorAlert error={form.general} />}
      <Field id={id} label="Role" error={form.errorOf('role')}>
        <select {...form.input('role', id)}>
          {STAFF_ROLES.map((option) => (
            <option key={option} value={option}>
              {humanize(option)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={form.saving || form.watch('role') === member.role}>
        {form.saving ? 'Changing…' : 'Change role'}
      </button>
    </form>
  );
}

// The password's strength is the server's rule (PASSWORD_RULE says it), refused beside the box.
const passwordSchema = z.object({ password: z.string() });

function PasswordResetForm({ member, onReset }: { member: StaffAccount; onReset: (member: StaffAccount) => void }) {
  const form = useZodForm(passwordSchema, { defaultValues: { password: '' }, fields: ['password'] });
  const invalidate = useInvalidate();
  const reset = useMutation({
    mutationFn: ({ password }: z.output<typeof passwordSchema>) => staffAccountsApi.resetPassword(member.id, password),
    // A reset ends their sessions and tokens.
    onSuccess: () => invalidate(queryKeys.staff(), queryKeys.tokens(member.id)),
  });
  const id = `staff-account-password-${member.id}`;
  return (
    <form
      className="staff-account-part"
      onSubmit={form.submitWith(async (values) => {
        const updated = await reset.mutateAsync(values);
        form.reset();
        onReset(updated);
      })}
      noValidate
      aria-label={`Reset the password of ${member.name}`}
    >
      {form.general !== null && <ErrorAlert error={form.general} />}
      <Field
        id={id}
        label="New password"
        error={form.errorOf('password')}
        hint={`${PASSWORD_RULE} Their sessions and tokens end.`}
      >
        <input {...form.input('password', id)} type="password" autoComplete="new-password" />
      </Field>
      <button type="submit" disabled={form.saving || form.watch('password') === ''}>
        {form.saving ? 'Resetting…' : 'Reset password'}
      </button>
    </form>
  );
}

function AccountSwitch({ member, onChanged }: { member: StaffAccount; onChanged: (member: StaffAccount) => void }) {
  const invalidate = useInvalidate();
  const setDisabled = useMutation({
    mutationFn: (disabled: boolean) => staffAccountsApi.setDisabled(member.id, disabled),
    onSuccess: () => invalidate(queryKeys.staff()),
  });
  if (member.disabled) {
    return (
      <p className="staff-account-switch">
        <span className="status status-off">Disabled</span>
        <button
          type="button"
          disabled={setDisabled.isPending}
          onClick={() => setDisabled.mutate(false, { onSuccess: onChanged })}
        >
          Enable account
        </button>
        {setDisabled.error !== null && <ErrorAlert error={setDisabled.error} />}
      </p>
    );
  }
  return (
    <p className="staff-account-switch">
      <span className="status status-on">Active</span>
      <ConfirmButton
        label="Disable account"
        question={`Disable ${member.name}? They are signed out everywhere and their API tokens stop working for good.`}
        confirmLabel="Disable"
        onConfirm={async () => onChanged(await setDisabled.mutateAsync(true))}
      />
    </p>
  );
}
