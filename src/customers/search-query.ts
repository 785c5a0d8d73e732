// Reads what a person typed into the search box: a name, an email, a phone, @handle, system:id or a customer id.
import type { CountryCode } from 'libphonenumber-js';
import {
  normaliseEmail,
  normaliseHandle,
  normalisePhone,
  parseExternalRef,
  parseHandleRef,
  type Identity,
} from './identity.ts';
import { searchWords } from './profile.ts';

/** Networks an unqualified `@handle` is looked up on. */
const COMMON_NETWORKS = ['x', 'instagram', 'facebook', 'tiktok', 'linkedin', 'threads', 'bluesky'];

export interface SearchQuery {
  terms: string[];
  identities: Identity[];
  identityPrefix: string | null;
  customerId: string | null;
}

export function parseSearchQuery(raw: string, defaultCountry: CountryCode): SearchQuery {
  const text = raw.trim();
  const identities: Identity[] = [];
  const email = text.includes('@') && !text.startsWith('@') ? normaliseEmail(text) : null;
  if (email) identities.push({ kind: 'email', value: email });
  if (/^\+?[\d\s().-]{6,}$/.test(text)) {
    const phone = normalisePhone(text, defaultCountry);
    if (phone) identities.push({ kind: 'phone', value: phone });
  }
  if (text.startsWith('@')) {
    const handle = normaliseHandle(text);
    if (handle) for (const network of COMMON_NETWORKS) identities.push({ kind: `handle:${network}`, value: handle });
  }
  if (/^[a-z0-9._-]+:\S+$/i.test(text)) {
    const handle = parseHandleRef(text);
    const external = parseExternalRef(text);
    if (handle) identities.push(handle);
    if (external) identities.push(external);
  }
  const customerId = /^cus_[a-z0-9]+$/.test(text) ? text : null;
  const lower = text.toLowerCase();
  return {
    terms: email || text.startsWith('@') || customerId ? [] : searchWords(text).slice(0, 5),
    identities,
    identityPrefix: lower.length >= 3 && !customerId ? lower : null,
    customerId,
  };
}
