// A customer's data on request: export everything we hold about them, or erase it (GDPR art. 15, 17).
// Each capability gives up its own part (customers, interactions, cases, audit); this one puts them together.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { customerRecordsOf, eraseCustomerRecords, liveCustomer } from '../customers/index.ts';
import { deleteInteractionsOf, listWholeTimeline, toInteraction } from '../interactions/index.ts';
import { eraseCasesOf, exportCasesOf } from '../cases/index.ts';
import { listAuditEntries, recordAudit, redactAuditEntriesOf } from '../audit/index.ts';
import type { CustomerExportSchema, ErasureSchema } from './responses.ts';

export type CustomerExport = z.infer<typeof CustomerExportSchema>;

export async function exportCustomer(db: Db, id: string, actor: Actor): Promise<CustomerExport> {
  const customer = await liveCustomer(db, id);
  const iso = (ms: number) => new Date(ms).toISOString();
  const interactions = (await listWholeTimeline(db, customer.id)).map(toInteraction);
  const audit = await listAuditEntries(db, { customerId: customer.id, limit: 10_000 });
  const records = await customerRecordsOf(db, customer.id);
  const result: CustomerExport = {
    exportedAt: new Date().toISOString(),
    customer: records.customer,
    identities: records.identities,
    preferences: records.preferences,
    flags: records.flags,
    interactions,
    merges: records.merges,
    cases: await exportCasesOf(db, customer.profiles),
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
    customerId: customer.id,
    ip: actor.ip,
    requestId: actor.requestId,
  });
  return result;
}

/**
 * Erases a customer and every profile merged into them: interactions, identities, traits, preferences,
 * flags and search terms go, and her cases keep only what the numbers need (cases' eraseCasesOf); a tombstone
 * row stays so old ids answer 410 rather than 404, and the audit trail keeps who did what (without details,
 * which may quote personal data).
 */
export async function eraseCustomer(db: Db, id: string, actor: Actor): Promise<z.infer<typeof ErasureSchema>> {
  return db.transaction(async (tx) => {
    const customer = await liveCustomer(tx, id);
    const interactions = await deleteInteractionsOf(tx, customer.id);
    await eraseCustomerRecords(tx, customer);
    const cases = await eraseCasesOf(tx, customer.profiles);
    await redactAuditEntriesOf(tx, customer.profiles);
    await recordAudit(tx, {
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'customer.erased',
      customerId: customer.id,
      detail: { profiles: customer.profiles.length, interactions, cases },
      requestId: actor.requestId,
    });
    return { erasedProfiles: customer.profiles, interactions };
  });
}
