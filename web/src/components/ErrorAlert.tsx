// The one way the UI shows a failure: a visible, announced message with the API's problem detail.
import type { ReactNode } from 'react';

export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="alert" role="alert">
      <span>{message}</span>
      {children}
    </div>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
