// Small pieces every field shares, whichever form it is in: how an input names its message for screen readers,
// and messages by field for components that show several (the gesture totals, the audit filters).

export type FieldMessages = Partial<Record<string, string>>;

/** Ties an input to its message for screen readers: `<input {...describedBy('staff-email', message)} />`. */
export function describedBy(id: string, message: string | undefined) {
  return {
    id,
    'aria-invalid': message ? (true as const) : undefined,
    'aria-describedby': message ? `${id}-error` : undefined,
  };
}
