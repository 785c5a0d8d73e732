// Customer use cases: the context card, timeline, look-up and search, stated preferences, flags, merges.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import { auditActor, type Actor } from '../shared/actor.ts';
import { customerErrors } from './errors.ts';
import { recordAudit, recordView } from '../audit/index.ts';
import { decodeCursor, encodeCursor, type Interaction } from '../interactions/index.ts';
import { lastSeenByHer, latestOwnContacts, listTimeline, profilesOf, toInteraction } from '../interactions/index.ts';
import { maskIdentityValue, type Identity } from './identity.ts';
import { listMergesOf, mergeProfiles, undoMerge, type Merge } from './merge.ts';
import * as prefStore from './preference-store.ts';
import { setExplicitPreference, toPreference, type Preference } from './preferences.ts';
import { mergeTraits, searchWords } from './profile.ts';
import type { ContextCardSchema, CustomerSummarySchema, FlagSchema, OpenCaseRefSchema } from './responses.ts';
import { canonicalCustomer } from './resolution.ts';
import * as store from './store.ts';
import { summarise } from './summary.ts';

export type Flag = z.infer<typeof FlagSchema>;

/** A case still being worked on, as the card shows it; the cases domain supplies them. */
export type OpenCaseRef = z.infer<typeof OpenCaseRefSchema>;

/** Reads the open cases of a customer's profiles (the survivor and every profile merged into it). */
export type OpenCasesSource = (db: Db, customerId: string) => Promise<OpenCaseRef[]>;

export type ContextCard = z.infer<typeof ContextCardSchema>;

export type CustomerSummary = z.infer<typeof CustomerSummarySchema>;

const RECENT_INTERACTIONS = 10;
// Enough to find each department's latest contact for all but the busiest customers, bounded for speed.
const DEPARTMENT_SCAN = 100;

const iso = (ms: number) => new Date(ms).toISOString();

/** Identify traits fold into the profile; the name and its search words follow. */
export async function applyProfile(
  tx: Db,
  customerId: string,
  name: string | null,
  traits: Record<string, unknown>,
): Promise<void> {
  const row = (await store.findCustomerProfile(tx, customerId))!;
  const current = JSON.parse(row.traits) as Record<string, unknown>;
  const merged = mergeTraits(current, traits);
  const nextName = name ?? row.name;
  const traitsJson = JSON.stringify(merged);
  if (traitsJson === row.traits && nextName === row.name) return;
  await store.updateCustomerProfile(tx, customerId, nextName, traitsJson);
  if (nextName !== row.name) await store.replaceSearchTerms(tx, customerId, nextName ? searchWords(nextName) : []);
}

async function requireCustomer(db: Db, id: string): Promise<store.CustomerRow> {
  const row = await canonicalCustomer(db, id);
  if (!row) throw customerErrors.error('customer_not_found', `No customer with id ${id}`);
  if (row.erased_at !== null) throw customerErrors.error('customer_erased', `Customer ${row.id} was erased on request`);
  return row;
}

export async function getContextCard(
  db: Db,
  id: string,
  actor: Actor,
  openCasesOf: OpenCasesSource,
): Promise<ContextCard> {
  const row = await requireCustomer(db, id);
  const profiles = await profilesOf(db, row.id);
  const [identities, flags, preferences, recent, departmentRows, merges, openCases, seenAt] = await Promise.all([
    store.listIdentities(db, row.id),
    prefStore.listFlags(db, row.id),
    prefStore.listPreferences(db, row.id),
    listTimeline(db, profiles, RECENT_INTERACTIONS),
    // Only what she did: a colleague's note or our reply is not her contact (own-activity.ts).
    latestOwnContacts(db, profiles, DEPARTMENT_SCAN),
    listMergesOf(db, row.id),
    openCasesOf(db, row.id),
    lastSeenByHer(db, profiles),
  ]);
  const lastContacts: ContextCard['lastContacts'] = [];
  const seenDepartments = new Set<string>();
  for (const contact of departmentRows) {
    if (seenDepartments.has(contact.department!)) continue;
    seenDepartments.add(contact.department!);
    lastContacts.push({
      department: contact.department!,
      channel: contact.channel,
      type: contact.type,
      occurredAt: iso(contact.occurred_at),
      text: contact.text,
    });
  }
  const lastInbound = departmentRows[0];
  const card: ContextCard = {
    id: row.id,
    name: row.name,
    summary: summarise({
      name: row.name,
      now: Date.now(),
      lastInbound: lastInbound
        ? {
            department: lastInbound.department,
            channel: lastInbound.channel,
            occurredAt: lastInbound.occurred_at,
            text: lastInbound.text,
          }
        : null,
      lastContacts: departmentRows
        .filter((c, i, all) => all.findIndex((o) => o.department === c.department) === i)
        .map((c) => ({ department: c.department!, occurredAt: c.occurred_at })),
      flags: flags.map((flag) => flag.flag),
      statedPreferences: preferences.filter((p) => p.kind === 'explicit'),
      openCases,
    }),
    ...(row.id !== id ? { redirectedFrom: id } : {}),
    traits: JSON.parse(row.traits) as Record<string, unknown>,
    createdAt: iso(row.created_at),
    firstSeenAt: iso(row.first_seen_at),
    // Never seen doing anything herself (a profile made by an import of our messages): when it was made.
    lastSeenAt: iso(seenAt ?? row.created_at),
    lifecycle: row.lifecycle,
    acquisitionSource: row.acquisition_source,
    interactionCount: row.interaction_count,
    identities: identities.map((identity) => ({
      kind: identity.kind,
      value: identity.value,
      createdAt: iso(identity.created_at),
      profileId: identity.profile_id,
    })),
    flags: flags.map((flag) => ({
      flag: flag.flag,
      source: flag.source,
      reason: flag.reason,
      setBy: flag.set_by,
      setAt: iso(flag.set_at),
    })),
    preferences: preferences.map(toPreference),
    lastContacts,
    recentInteractions: recent.map((interaction) => toInteraction(interaction, row.id)),
    openCases,
    merges,
  };
  await recordView(db, { ...auditActor(actor), action: 'customer.viewed', customerId: row.id });
  return card;
}

/** For roles without `customers:pii`: emails, phones and the traits that repeat them are masked. */
export function maskPersonalData(card: ContextCard): ContextCard {
  const traits = { ...card.traits };
  for (const key of ['email', 'phone']) {
    if (typeof traits[key] === 'string') traits[key] = maskIdentityValue(key, traits[key] as string);
  }
  return {
    ...card,
    traits,
    identities: card.identities.map((identity) => ({
      ...identity,
      value: maskIdentityValue(identity.kind, identity.value),
    })),
  };
}

export async function getTimeline(
  db: Db,
  id: string,
  page: { limit: number; cursor?: string },
  actor: Actor,
): Promise<{ items: Interaction[]; nextCursor: string | null }> {
  const row = await requireCustomer(db, id);
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  if (after === null) throw invalidCursor();
  const rows = await listTimeline(db, await profilesOf(db, row.id), page.limit + 1, after);
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > page.limit && last ? encodeCursor({ occurredAt: last.occurred_at, id: last.id }) : null;
  await recordView(db, { ...auditActor(actor), action: 'customer.timeline_viewed', customerId: row.id });
  return { items: items.map((interaction) => toInteraction(interaction, row.id)), nextCursor };
}

export async function findCustomerIdByIdentity(db: Db, identity: Identity): Promise<string> {
  const id = await customerIdOfIdentity(db, identity);
  if (id === null)
    throw customerErrors.error('customer_not_found', `No customer with ${identity.kind} ${identity.value}`);
  return id;
}

/** Whose an identity is, or null when nobody's: for a caller to whom an unknown address is no error (a sign-in). */
export async function customerIdOfIdentity(db: Db, identity: Identity): Promise<string | null> {
  return (await store.findIdentity(db, identity))?.customer_id ?? null;
}

function toSummary(row: store.CustomerListRow): CustomerSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    handle: row.handle,
    externalId: row.external_id,
    lastSeenAt: iso(row.last_seen_at),
    interactionCount: row.interaction_count,
  };
}

/** How far search results page: past this many matches, the person is asked to narrow the search (as help desks do). */
export const SEARCH_RESULTS_MAX = 1000;

/**
 * Customers matching a search box, best first: an exact customer id, then by latest contact. Paged by a
 * cursor holding the offset into that order, which is stable (ties broken by id) while nothing changes.
 */
export async function searchCustomers(
  db: Db,
  query: {
    terms: string[];
    identities: Identity[];
    identityPrefix: string | null;
    customerId: string | null;
    limit: number;
    cursor?: string;
  },
): Promise<{ items: CustomerSummary[]; nextCursor: string | null; capped: boolean }> {
  const offset = query.cursor === undefined ? 0 : searchOffsetOf(query.cursor);
  const ids = await store.searchCustomerIds(
    db,
    query.terms,
    query.identities,
    query.identityPrefix,
    SEARCH_RESULTS_MAX,
  );
  if (query.customerId) {
    // A merged-away id answers with the profile that absorbed it, first.
    const byId = await canonicalCustomer(db, query.customerId);
    if (byId && byId.erased_at === null && !ids.includes(byId.id)) ids.unshift(byId.id);
  }
  const end = offset + query.limit;
  const nextCursor =
    end < Math.min(ids.length, SEARCH_RESULTS_MAX) ? Buffer.from(`s${end}`).toString('base64url') : null;
  const rows = await store.listCustomerListRows(db, ids.slice(offset, end));
  return { items: rows.map(toSummary), nextCursor, capped: ids.length >= SEARCH_RESULTS_MAX };
}

function searchOffsetOf(cursor: string): number {
  const match = /^s(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString());
  const offset = match ? Number(match[1]) : Number.NaN;
  if (!(offset >= 0 && offset < SEARCH_RESULTS_MAX)) {
    throw invalidCursor();
  }
  return offset;
}

export async function listRecentCustomers(
  db: Db,
  limit: number,
  cursor?: string,
): Promise<{ items: CustomerSummary[]; nextCursor: string | null }> {
  let after: { lastSeenAt: number; interactionId: number } | undefined;
  if (cursor) {
    const match = /^(\d+)\.(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
    if (!match) throw invalidCursor();
    after = { lastSeenAt: Number(match[1]), interactionId: Number(match[2]) };
  }
  const rows = await store.listRecentCustomers(db, limit + 1, after);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(`${last.last_seen_at}.${last.latest_interaction_id}`).toString('base64url')
      : null;
  return { items: items.map(toSummary), nextCursor };
}

export async function putStatedPreference(
  db: Db,
  customerId: string,
  key: string,
  value: string,
  actor: Actor,
): Promise<Preference[]> {
  return db.transaction(async (tx) => {
    const row = await requireCustomer(tx, customerId);
    await setExplicitPreference(tx, row.id, key, value, actor.id ? `staff:${actor.id}` : actor.kind);
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'customer.preference_set',
      customerId: row.id,
      detail: { key },
    });
    return (await prefStore.listPreferences(tx, row.id)).map(toPreference);
  });
}

export async function removeStatedPreference(db: Db, customerId: string, key: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await requireCustomer(tx, customerId);
    if ((await prefStore.deletePreference(tx, row.id, 'explicit', key)) === 0) {
      throw customerErrors.error('preference_not_found', `Customer ${row.id} has no stated preference ${key}`);
    }
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'customer.preference_removed',
      customerId: row.id,
      detail: { key },
    });
  });
}

export async function setFlag(
  db: Db,
  customerId: string,
  flag: string,
  reason: string | null,
  actor: Actor,
): Promise<Flag[]> {
  return db.transaction(async (tx) => {
    const row = await requireCustomer(tx, customerId);
    await prefStore.upsertFlag(tx, {
      customerId: row.id,
      flag,
      source: 'manual',
      reason,
      setBy: actor.id,
      at: Date.now(),
    });
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'customer.flag_set',
      customerId: row.id,
      detail: { flag, reason },
    });
    return (await prefStore.listFlags(tx, row.id)).map((f) => ({
      flag: f.flag,
      source: f.source,
      reason: f.reason,
      setBy: f.set_by,
      setAt: iso(f.set_at),
    }));
  });
}

export async function clearFlag(db: Db, customerId: string, flag: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await requireCustomer(tx, customerId);
    if ((await prefStore.deleteFlag(tx, row.id, flag)) === 0) {
      throw customerErrors.error('flag_not_found', `Customer ${row.id} has no flag ${flag}`);
    }
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'customer.flag_cleared',
      customerId: row.id,
      detail: { flag },
    });
  });
}

export async function mergeCustomers(db: Db, survivorId: string, absorbedId: string, actor: Actor): Promise<Merge> {
  return db.transaction(async (tx) => {
    const survivor = await requireCustomer(tx, survivorId);
    const absorbed = await requireCustomer(tx, absorbedId);
    return mergeProfiles(tx, {
      survivorId: survivor.id,
      absorbedId: absorbed.id,
      reason: 'manual',
      cause: null,
      actor,
    });
  });
}

export async function undoCustomerMerge(db: Db, mergeId: string, actor: Actor): Promise<Merge> {
  return db.transaction((tx) => undoMerge(tx, mergeId, actor));
}

export async function listMerges(db: Db, customerId: string): Promise<Merge[]> {
  const row = await requireCustomer(db, customerId);
  return listMergesOf(db, row.id);
}

function invalidCursor() {
  return customerErrors.error('invalid_cursor', 'The cursor is not one this API returned', {
    errors: [{ field: 'cursor', reason: 'Unknown cursor' }],
  });
}
