// What the UI calls a customer. The server sends `customerLabel` with cases (name, else email, else
// @handle, else phone, else an id in another system, masked for roles without personal data); the card derives the same from its
// identities, which the server has already masked for such roles.
import type { ContextCard } from './api/types.ts';

export const UNNAMED_CUSTOMER = 'Unnamed customer';

/** `Maria Garcia`, `j***@example.com`, `@mariag`, `+1415*****23`, `shopify 123`, or null when nothing is known. */
export function cardLabel(card: Pick<ContextCard, 'name' | 'identities'>): string | null {
  const name = card.name?.trim();
  if (name) return name;
  const first = (matches: (kind: string) => boolean) =>
    card.identities.find((identity) => matches(identity.kind))?.value;
  const email = first((kind) => kind === 'email');
  if (email) return email;
  const handle = first((kind) => kind.startsWith('handle:'));
  if (handle) return `@${handle}`;
  const phone = first((kind) => kind === 'phone');
  if (phone) return phone;
  // Known only from a system (the tracking API's userId): its name and the id, `shopify 123`.
  const external = card.identities.find((identity) => identity.kind.startsWith('external:'));
  return external ? `${external.kind.slice('external:'.length)} ${external.value}` : null;
}
