// Identities found in traits (email, phone, handles, external ids), shared by every ingest edge.
import type { CountryCode } from 'libphonenumber-js';
import {
  normaliseEmail,
  normaliseHandle,
  normaliseNetwork,
  normaliseOpaqueId,
  normalisePhone,
  normaliseSystem,
  type Identity,
} from '../customers/index.ts';

/**
 * Segment-style traits carry `email` and `phone`; we also read `handles: {x: "@jane"}` and
 * `externalIds: {shopify: "123"}`. Values that do not parse are kept as traits but tie nothing.
 */
export function identitiesFromTraits(traits: Record<string, unknown>, defaultCountry: CountryCode): Identity[] {
  const identities: Identity[] = [];
  if (typeof traits.email === 'string') {
    const email = normaliseEmail(traits.email);
    if (email) identities.push({ kind: 'email', value: email });
  }
  if (typeof traits.phone === 'string') {
    const phone = normalisePhone(traits.phone, defaultCountry);
    if (phone) identities.push({ kind: 'phone', value: phone });
  }
  for (const [network, handle] of entriesOf(traits.handles)) {
    const kind = normaliseNetwork(network);
    const value = typeof handle === 'string' ? normaliseHandle(handle) : null;
    if (kind && value) identities.push({ kind: `handle:${kind}`, value });
  }
  for (const [system, id] of entriesOf(traits.externalIds)) {
    const kind = normaliseSystem(system);
    const value = typeof id === 'string' || typeof id === 'number' ? normaliseOpaqueId(id) : null;
    if (kind && value) identities.push({ kind: `external:${kind}`, value });
  }
  return identities;
}

function entriesOf(value: unknown): Array<[string, unknown]> {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
}
