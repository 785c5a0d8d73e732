// Sign-in screen: email and password for staff; a wrong password shows the server's explanation.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useZodForm } from '../forms/useZodForm.ts';
import type { Staff } from '../api/types.ts';

// Whether the pair is right is the server's to say; its answer shows above the form.
const signInSchema = z.object({
  email: z.string().transform((email) => email.trim()),
  password: z.string(),
});

export function SignIn({ onSignedIn }: { onSignedIn: (staff: Staff) => void }) {
  const form = useZodForm(signInSchema, { defaultValues: { email: '', password: '' } });
  const signIn = useMutation({
    mutationFn: async ({ email, password }: z.output<typeof signInSchema>) => {
      await api.login(email, password);
      // The login answer has no permissions; `me` does, and the screen depends on them.
      return api.me();
    },
  });
  // Busy from the click until the signed-in screen replaces this one.
  const submitting = form.saving || signIn.isSuccess;

  return (
    <main className="signin">
      <form
        className="signin-card"
        onSubmit={form.submitWith(async (values) => onSignedIn(await signIn.mutateAsync(values)))}
        noValidate
      >
        <div className="brand signin-brand">
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          Rapport
        </div>
        <h1>Sign in</h1>
        <p className="muted">One view of every customer.</p>
        {form.general !== null && <ErrorAlert error={form.general} />}
        <label htmlFor="signin-email">Email</label>
        <input
          id="signin-email"
          type="email"
          autoComplete="username"
          required
          // biome-ignore lint/a11y/noAutofocus: the sign-in screen has nothing else to do but type here.
          autoFocus
          {...form.register('email')}
        />
        <label htmlFor="signin-password">Password</label>
        <input
          id="signin-password"
          type="password"
          autoComplete="current-password"
          required
          {...form.register('password')}
        />
        <button type="submit" className="primary" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
