// Identity resolution: which customer an event belongs to, creating or merging profiles as its
// identities demand. Runs inside the ingest transaction, so a merge lands with the event that caused it.
import type { Db } from '../store/db.ts';
import { customerErrors } from './errors.ts';
import { newId } from '../shared/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { SYSTEM_ACTOR, auditActor, type Actor } from '../shared/actor.ts';
import { identityStrength, isExclusiveKind, type Identity } from './identity.ts';
import * as store from './store.ts';
import { mergeProfiles } from './merge.ts';
import { searchWords } from './profile.ts';
import { identityCacheFor, type CachedOwner } from './identity-cache.ts';

export interface ResolvedCustomer {
  customerId: string;
  /** The original profile this event speaks for; what lets a later merge be undone. */
  profileId: string;
  created: boolean;
  merged: string[];
}

export interface ResolveInput {
  identities: readonly Identity[];
  linkedIdentities?: readonly Identity[];
  customerId?: string;
  name: string | null;
  traits: Record<string, unknown>;
  acquisitionSource: string | null;
  source: string;
  occurredAt: number;
  /** Names the event in merge records and audit entries: `source:sourceId`. */
  cause: string;
  /** Who sent the event (write key, staff, CLI): the actor of any merge it causes, or of its refusal. */
  actor?: Actor;
}

/** Follows merge redirects to the profile that speaks for a customer today. */
export async function canonicalCustomer(db: Db, id: string): Promise<store.CustomerRow | undefined> {
  let row = await store.findCustomerRow(db, id);
  for (let hops = 0; row?.merged_into && hops < 32; hops++) row = await store.findCustomerRow(db, row.merged_into);
  return row;
}

/** Reads through the process's identity cache; ingest syncs that cache at the start of each batch. */
async function findOwner(tx: Db, identity: Identity): Promise<CachedOwner | undefined> {
  const cache = identityCacheFor(tx);
  const cached = cache.get(identity);
  if (cached) return cached;
  const row = await store.findIdentity(tx, identity);
  if (row) cache.set(identity, { customer_id: row.customer_id, profile_id: row.profile_id });
  return row;
}

async function addIdentity(
  tx: Db,
  identity: Identity,
  customerId: string,
  profileId: string,
  input: ResolveInput,
): Promise<void> {
  await store.insertIdentity(tx, identity, customerId, profileId, input.source, input.occurredAt);
  identityCacheFor(tx).set(identity, { customer_id: customerId, profile_id: profileId });
}

export async function resolveCustomer(tx: Db, input: ResolveInput): Promise<ResolvedCustomer> {
  const known: Array<{ identity: Identity; row: CachedOwner }> = [];
  const unknown: Identity[] = [];
  for (const identity of input.identities) {
    const row = await findOwner(tx, identity);
    if (row) known.push({ identity, row });
    else unknown.push(identity);
  }
  for (const identity of input.linkedIdentities ?? []) {
    const row = await findOwner(tx, identity);
    if (row) known.push({ identity, row });
    // A tie that arrives before the events it ties (an alias before the visitor's page views): the anonymous id is
    // kept with this customer, so those events join her rather than start a second profile. A system id is not,
    // as it may be another person's (an external id is exclusive: one per customer and system).
    else if (identity.kind === 'anonymous') unknown.push(identity);
  }

  const owners = new Set<string>();
  if (input.customerId) {
    const named = await canonicalCustomer(tx, input.customerId);
    if (!named) {
      throw customerErrors.error('customer_not_found', `No customer with id ${input.customerId}`, {
        errors: [{ field: 'customer.id', reason: 'No such customer' }],
      });
    }
    if (named.erased_at !== null) {
      throw customerErrors.error('customer_erased', `Customer ${named.id} was erased on request`, {
        errors: [{ field: 'customer.id', reason: 'The customer was erased on request' }],
      });
    }
    owners.add(named.id);
  }
  for (const { row } of known) owners.add(row.customer_id);

  if (owners.size === 0) {
    const id = newId('cus');
    await store.insertCustomer(tx, {
      id,
      name: input.name,
      traits: JSON.stringify(input.traits),
      seenAt: input.occurredAt,
      acquisitionSource: input.acquisitionSource,
    });
    for (const identity of unknown) await addIdentity(tx, identity, id, id, input);
    if (input.name) await store.replaceSearchTerms(tx, id, searchWords(input.name));
    return { customerId: id, profileId: id, created: true, merged: [] };
  }

  const target =
    owners.size === 1
      ? { customerId: [...owners][0]!, merged: [] }
      : await mergeOwners(
          tx,
          await Promise.all([...owners].map(async (id) => (await store.findCustomerRecord(tx, id))!)),
          known,
          input.cause,
          input.actor ?? SYSTEM_ACTOR,
        );
  const strongest = known
    .filter(({ row }) => row.customer_id === target.customerId || target.merged.includes(row.customer_id))
    .sort((a, b) => identityStrength(b.identity.kind) - identityStrength(a.identity.kind))[0];
  const profileId = strongest?.row.profile_id ?? target.customerId;
  for (const identity of unknown) {
    await addIdentity(tx, identity, target.customerId, profileId, input);
  }
  return { customerId: target.customerId, profileId, created: false, merged: target.merged };
}

/**
 * Several profiles share this event's identities: they are one person. The oldest profile survives.
 * A profile whose system ids contradict the survivor's (two different shopify ids) is left apart:
 * the event then belongs to the owner of its strongest identity, and the refusal is audited.
 */
async function mergeOwners(
  tx: Db,
  owners: store.CustomerRecord[],
  known: Array<{ identity: Identity; row: CachedOwner }>,
  cause: string,
  actor: Actor,
): Promise<{ customerId: string; merged: string[] }> {
  const ordered = [...owners].sort((a, b) => a.created_at - b.created_at || a.id.localeCompare(b.id));
  const survivor = ordered[0]!;
  const exclusive = await exclusiveIdentities(tx, survivor.id);
  const merged: string[] = [];
  const refused: string[] = [];
  for (const candidate of ordered.slice(1)) {
    const theirs = await exclusiveIdentities(tx, candidate.id);
    const clash = [...theirs].find(([kind, value]) => exclusive.has(kind) && exclusive.get(kind) !== value);
    if (clash) {
      refused.push(candidate.id);
      await recordAudit(tx, {
        ...auditActor(actor),
        action: 'customer.merge_refused',
        customerId: candidate.id,
        detail: { survivorId: survivor.id, cause, conflictingKind: clash[0] },
      });
      continue;
    }
    for (const [kind, value] of theirs) exclusive.set(kind, value);
    await mergeProfiles(tx, { survivorId: survivor.id, absorbedId: candidate.id, reason: 'event', cause, actor });
    merged.push(candidate.id);
  }
  if (refused.length === 0) return { customerId: survivor.id, merged };
  const strongest = [...known].sort(
    (a, b) => identityStrength(b.identity.kind) - identityStrength(a.identity.kind),
  )[0]!;
  const owner = refused.includes(strongest.row.customer_id) ? strongest.row.customer_id : survivor.id;
  return { customerId: owner, merged };
}

async function exclusiveIdentities(tx: Db, customerId: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const row of await store.listIdentities(tx, customerId))
    if (isExclusiveKind(row.kind)) map.set(row.kind, row.value);
  return map;
}
