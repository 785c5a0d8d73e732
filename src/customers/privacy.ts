// A customer's data on request: export everything we hold about them, or erase it (GDPR art. 15, 17).
import { eraseCasesOf, exportCasesOf, type CaseExport } from '../cases/index.ts';
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { customerErrors } from './errors.ts';
import { listAuditEntries, recordAudit } from '../audit/index.ts';
import * as interactionStore from '../interactions/store.ts';
import { listMergesOf, profilesOf } from './merge.ts';
import * as prefStore from './preference-store.ts';
import { toPreference } from './preferences.ts';
import { canonicalCustomer } from './resolution.ts';
import * as store from './store.ts';
import { recordIdentityChanges } from './identity-cache.ts';
import type { Identity } from './identity.ts';

const EXPORT_PAGE = 1000;

export interface CustomerExport {
  exportedAt: string;
  customer: {
    id: string;
    name: string | null;
    traits: Record<string, unknown>;
    createdAt: string;
    firstSeenAt: string;
    lastSeenAt: string;
    acquisitionSource: string | null;
    lifecycle: string;
  };
  identities: Array<{ kind: string; value: string; source: string | null; createdAt: string }>;
  preferences: ReturnType<typeof toPreference>[];
  flags: Array<{ flag: string; source: string; reason: string | null; setAt: string }>;
  interactions: ReturnType<typeof interactionStore.toInteraction>[];
  merges: Awaited<ReturnType<typeof listMergesOf>>;
  cases: CaseExport[];
  accessLog: Array<{ at: string; actorKind: string; actorId: string | null; action: string }>;
}

async function requireLiveCustomer(db: Db, id: string): Promise<store.CustomerRow> {
  const row = await canonicalCustomer(db, id);
  if (!row) throw customerErrors.error('customer_not_found', `No customer with id ${id}`);
  if (row.erased_at !== null) throw customerErrors.error('customer_erased', `Customer ${row.id} was erased on request`);
  return row;
}

export async function exportCustomer(db: Db, id: string, actor: Actor): Promise<CustomerExport> {
  const row = await requireLiveCustomer(db, id);
  const iso = (ms: number) => new Date(ms).toISOString();
  const interactions: CustomerExport['interactions'] = [];
  let after: { occurredAt: number; id: number } | undefined;
  for (;;) {
    const page = await interactionStore.listTimeline(db, row.id, EXPORT_PAGE, after);
    interactions.push(...page.map(interactionStore.toInteraction));
    const last = page[page.length - 1];
    if (page.length < EXPORT_PAGE || !last) break;
    after = { occurredAt: last.occurred_at, id: last.id };
  }
  const audit = await listAuditEntries(db, { customerId: row.id, limit: 10_000 });
  const result: CustomerExport = {
    exportedAt: new Date().toISOString(),
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
    interactions,
    merges: await listMergesOf(db, row.id),
    cases: await exportCasesOf(db, await profilesOf(db, row.id)),
    accessLog: audit.map((entry) => ({
      at: iso(entry.at),
      actorKind: entry.actor_kind,
      actorId: entry.actor_id,
      action: entry.action,
    })),
  };
  await recordAudit(db, {
    actorKind: actor.kind,
    actorId: actor.id,
    action: 'customer.exported',
    customerId: row.id,
    ip: actor.ip,
    requestId: actor.requestId,
  });
  return result;
}

/**
 * Erases a customer and every profile merged into them: interactions, identities, traits, preferences,
 * flags and search terms go, and her cases keep only what the numbers need (cases/privacy.ts); a tombstone row stays so old ids answer 410 rather than 404, and the
 * audit trail keeps who did what (without details, which may quote personal data).
 */
export async function eraseCustomer(
  db: Db,
  id: string,
  actor: Actor,
): Promise<{ erasedProfiles: string[]; interactions: number }> {
  return db.transaction(async (tx) => {
    const row = await requireLiveCustomer(tx, id);
    const profiles = await profilesOf(tx, row.id);
    const placeholders = profiles.map(() => '?').join(', ');
    const { changes: interactions } = await tx.run('DELETE FROM interactions WHERE customer_id = ?', [row.id]);
    const identities = await store.listIdentities(tx, row.id);
    await tx.run('DELETE FROM identities WHERE customer_id = ?', [row.id]);
    await recordIdentityChanges(
      tx,
      identities.map((identity) => ({
        identity: { kind: identity.kind as Identity['kind'], value: identity.value },
        owner: null,
      })),
    );
    for (const table of ['preferences', 'behaviour_tallies', 'customer_flags', 'customer_search_terms']) {
      await tx.run(`DELETE FROM ${table} WHERE customer_id IN (${placeholders})`, profiles);
    }
    await tx.run(
      `UPDATE customers SET name = NULL, traits = '{}', acquisition_source = NULL, interaction_count = 0, erased_at = ?
       WHERE id IN (${placeholders})`,
      [Date.now(), ...profiles],
    );
    const cases = await eraseCasesOf(tx, profiles);
    await tx.run(`UPDATE audit_log SET detail = NULL, ip = NULL WHERE customer_id IN (${placeholders})`, profiles);
    await recordAudit(tx, {
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'customer.erased',
      customerId: row.id,
      detail: { profiles: profiles.length, interactions, cases },
      requestId: actor.requestId,
    });
    return { erasedProfiles: profiles, interactions };
  });
}
