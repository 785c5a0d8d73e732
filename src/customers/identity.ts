// Identity kinds and their normalisation: the pure rules that decide when two records are one person.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Identity, IdentityKind } from '../interactions/index.ts';

export type { Identity, IdentityKind };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NETWORK = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const NETWORK_ALIASES: Record<string, string> = { twitter: 'x', 'x.com': 'x', ig: 'instagram', fb: 'facebook' };

/** Lower-cased and trimmed; null when it is not an email address. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

// Parsing a number with its metadata costs ~20 µs and the same numbers arrive again and again.
const PHONE_MEMO_LIMIT = 50_000;
const phoneMemo = new Map<string, string | null>();

/** E.164 (`+14155550123`); numbers without a country code are read in `defaultCountry`. */
export function normalisePhone(raw: string, defaultCountry: CountryCode = 'US'): string | null {
  const key = `${defaultCountry}|${raw}`;
  const memo = phoneMemo.get(key);
  if (memo !== undefined) return memo;
  const phone = parsePhoneNumberFromString(raw.trim(), defaultCountry);
  const normalised = phone?.isValid() ? phone.number : null;
  if (phoneMemo.size >= PHONE_MEMO_LIMIT) phoneMemo.clear();
  phoneMemo.set(key, normalised);
  return normalised;
}

export function normaliseNetwork(raw: string): string | null {
  const network = raw.trim().toLowerCase();
  const canonical = NETWORK_ALIASES[network] ?? network;
  return NETWORK.test(canonical) ? canonical : null;
}

/** Handles compare without the leading @ and without case, as every major network treats them. */
export function normaliseHandle(raw: string): string | null {
  const handle = raw.trim().replace(/^@+/, '').toLowerCase();
  return handle.length > 0 && handle.length <= 100 && !/\s/.test(handle) ? handle : null;
}

export function normaliseSystem(raw: string): string | null {
  const system = raw.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9_.-]{0,63}$/.test(system) ? system : null;
}

export function normaliseOpaqueId(raw: string | number): string | null {
  const value = String(raw).trim();
  return value.length > 0 && value.length <= 200 ? value : null;
}

/** Parses `network:handle` (as in `?handle=x:@jane`). */
export function parseHandleRef(raw: string): Identity | null {
  const at = raw.indexOf(':');
  if (at <= 0) return null;
  const network = normaliseNetwork(raw.slice(0, at));
  const handle = normaliseHandle(raw.slice(at + 1));
  return network && handle ? { kind: `handle:${network}`, value: handle } : null;
}

/** Parses `system:id` (as in `?external=shopify:123`). */
export function parseExternalRef(raw: string): Identity | null {
  const at = raw.indexOf(':');
  if (at <= 0) return null;
  const system = normaliseSystem(raw.slice(0, at));
  const id = normaliseOpaqueId(raw.slice(at + 1));
  return system && id ? { kind: `external:${system}`, value: id } : null;
}

/** Which identity speaks for a profile when an event carries several: a system id over an email over a phone… */
export function identityStrength(kind: string): number {
  if (kind.startsWith('external:')) return 5;
  if (kind === 'email') return 4;
  if (kind === 'phone') return 3;
  if (kind.startsWith('handle:')) return 2;
  return 1;
}

/** Kinds a person has one of per system: two profiles with different values here are two people. */
export function isExclusiveKind(kind: string): boolean {
  return kind.startsWith('external:');
}

export function identityKey(identity: Identity): string {
  return `${identity.kind}\u0000${identity.value}`;
}

/** Masks personal identities for roles that may not see them (`j***@example.com`, `+1415*****23`). */
export function maskIdentityValue(kind: string, value: string): string {
  if (kind === 'email') {
    const [local = '', domain = ''] = value.split('@');
    return `${local.slice(0, 1)}***@${domain}`;
  }
  if (kind === 'phone') return value.slice(0, 5) + '*'.repeat(Math.max(0, value.length - 7)) + value.slice(-2);
  return value;
}
