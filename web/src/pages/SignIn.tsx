// Sign-in screen: email and password for staff; a wrong password shows the server's explanation.
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import type { Staff } from '../types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

export function SignIn({ onSignedIn }: { onSignedIn: (staff: Staff) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await api.login(email.trim(), password);
      // The login answer has no permissions; `me` does, and the screen depends on them.
      onSignedIn(await api.me());
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  };

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit} noValidate>
        <div className="brand signin-brand">
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          Rapport
        </div>
        <h1>Sign in</h1>
        <p className="muted">One view of every customer.</p>
        {error !== null && <ErrorAlert error={error} />}
        <label htmlFor="signin-email">Email</label>
        <input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor="signin-password">Password</label>
        <input
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="primary" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
