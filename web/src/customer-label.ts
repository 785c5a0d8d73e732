// What the UI calls a customer. The server sends `customerLabel` with cases (name, else email, else
// @handle, else phone, masked for roles without personal data); the card derives the same from its
// identities, which the server has already masked for such roles.
import type { ContextCard } from './api/types.ts';

export const UNNAMED_CUSTOMER = 'Unnamed customer';

/** `Maria Garcia`, `j***@example.com`, `@mariag`, `+1415*****23`, or null when nothing is known. */
export function cardLabel(card: Pick<ContextCard, 'name' | 'identities'>): string | null {
  const name = card.name?.trim();
  if (name) return name;
  const first = (matches: (kind: string) => boolean) =>
    card.identities.find((identity) => matches(identity.kind))?.value;
  const email = first((kind) => kind === 'email');
  if (email) return email;
  const handle = first((kind) => kind.startsWith('handle:'));
  if (handle) return `@${handle}`;
  return first((kind) => kind === 'phone') ?? null;
}
