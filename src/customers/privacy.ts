// What customers holds of a person, for a subject access export or an erasure on request (GDPR art. 15,
// 17). The whole-customer export and erasure, with the timeline, cases and audit trail, are src/privacy's.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import { customerErrors } from './errors.ts';
import { listMergesOf, profilesOf } from './merge.ts';
import * as prefStore from './preference-store.ts';
import { toPreference } from './preferences.ts';
import { canonicalCustomer } from './resolution.ts';
import type { CustomerRecordsSchema } from './responses.ts';
import * as store from './store.ts';
import { recordIdentityChanges } from './identity-cache.ts';
import type { Identity } from './identity.ts';

/** A customer on request: the canonical id (merges followed) and every profile merged into it. */
export interface LiveCustomer {
  id: string;
  profiles: string[];
}

export type CustomerRecords = z.infer<typeof CustomerRecordsSchema>;

async function requireLiveCustomer(db: Db, id: string): Promise<store.CustomerRow> {
  const row = await canonicalCustomer(db, id);
  if (!row) throw customerErrors.error('customer_not_found', `No customer with id ${id}`);
  if (row.erased_at !== null) throw customerErrors.error('customer_erased', `Customer ${row.id} was erased on request`);
  return row;
}

/** The customer an id names now, refused when unknown (404) or already erased (410). */
export async function liveCustomer(db: Db, id: string): Promise<LiveCustomer> {
  const row = await requireLiveCustomer(db, id);
  return { id: row.id, profiles: await profilesOf(db, row.id) };
}

/** Everything customers holds of a person: profile, identities, preferences, flags, merges. */
export async function customerRecordsOf(db: Db, id: string): Promise<CustomerRecords> {
  const row = await requireLiveCustomer(db, id);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    customer: {
      id: row.id,
      name: row.name,
      traits: JSON.parse(row.traits) as Record<string, unknown>,
      createdAt: iso(row.created_at),
      firstSeenAt: iso(row.first_seen_at),
      lastSeenAt: iso(row.last_seen_at),
      acquisitionSource: row.acquisition_source,
      lifecycle: row.lifecycle,
    },
    identities: (await store.listIdentities(db, row.id)).map((i) => ({
      kind: i.kind,
      value: i.value,
      source: i.source,
      createdAt: iso(i.created_at),
    })),
    preferences: (await prefStore.listPreferences(db, row.id)).map(toPreference),
    flags: (await prefStore.listFlags(db, row.id)).map((f) => ({
      flag: f.flag,
      source: f.source,
      reason: f.reason,
      setAt: iso(f.set_at),
    })),
    merges: await listMergesOf(db, row.id),
  };
}

/**
 * Erases what customers holds of a person and every profile merged into them: identities (and the identity
 * cache's copy), traits, preferences, flags and search terms; a tombstone row per profile stays.
 */
export async function eraseCustomerRecords(tx: Db, customer: LiveCustomer): Promise<void> {
  const identities = await store.listIdentities(tx, customer.id);
  await store.deleteIdentitiesOf(tx, customer.id);
  await recordIdentityChanges(
    tx,
    identities.map((identity) => ({
      identity: { kind: identity.kind as Identity['kind'], value: identity.value },
      owner: null,
    })),
  );
  await store.eraseProfiles(tx, customer.profiles, Date.now());
}
