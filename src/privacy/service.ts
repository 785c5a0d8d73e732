// A customer's data on request: export everything we hold about them, or erase it (GDPR art. 15, 17).
// Each capability gives up its own part (customers, interactions, cases, audit); this one puts them together.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { customerRecordsOf, eraseCustomerRecords, liveCustomer } from '../customers/index.ts';
import { deleteInteractionsOf, listWholeTimeline, sourceKeysOf, toInteraction } from '../interactions/index.ts';
import { type EventLog, eventKey } from '../eventlog/index.ts';
import type { ProjectionControl } from '../pipeline/index.ts';
import { privacyErrors } from './errors.ts';
import { eraseCasesOf, exportCasesOf } from '../cases/index.ts';
import {
  commentsOfCustomer,
  deleteBoardDataOf,
  deleteIdeaDataOf,
  deletePublicBoardDataOf,
  deleteSurveyDataOf,
  inputsOfCustomer,
  requestsOfCustomer,
  responsesOfCustomer,
} from '../feedback/index.ts';
import { listAuditEntries, recordAudit, redactAuditEntriesOf, viewsRecorded } from '../audit/index.ts';
import type { CustomerExportSchema, ErasureSchema } from './responses.ts';

export type CustomerExport = z.infer<typeof CustomerExportSchema>;

export async function exportCustomer(db: Db, id: string, actor: Actor): Promise<CustomerExport> {
  const customer = await liveCustomer(db, id);
  const iso = (ms: number) => new Date(ms).toISOString();
  const interactions = (await listWholeTimeline(db, customer.profiles)).map((row) => toInteraction(row, customer.id));
  await viewsRecorded(db);
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
    advisoryInput: (await inputsOfCustomer(db, customer.profiles)).map((input) => ({ ...input, at: iso(input.at) })),
    ideaRequests: (await requestsOfCustomer(db, customer.profiles)).map((request) => ({
      ...request,
      addedAt: iso(request.addedAt),
    })),
    ideaComments: (await commentsOfCustomer(db, customer.profiles)).map((comment) => ({
      ...comment,
      at: iso(comment.at),
    })),
    surveyResponses: (await responsesOfCustomer(db, customer.profiles)).map((response) => ({
      surveyId: response.surveyId,
      caseId: response.caseId,
      score: response.score,
      comment: response.comment,
      answers: response.answers,
      complete: response.complete,
      answeredAt: iso(response.firstAnsweredAt),
    })),
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

/** The ingest log and its projector: an erasure reaches what was acknowledged but is not yet projected, too. */
export interface IngestLog {
  eventLog: EventLog;
  projector: ProjectionControl;
}

/** How long an erasure waits for events acknowledged before it to be projected (and so erasable). */
const INGEST_WAIT_MS = 10_000;

/**
 * Erases a customer and every profile merged into them: interactions, identities, traits, preferences,
 * flags and search terms go, and her cases keep only what the numbers need (cases' eraseCasesOf); a tombstone
 * row stays so old ids answer 410 rather than 404, and the audit trail keeps who did what (without details,
 * which may quote personal data). With the ingest log: events acknowledged before the request are projected
 * first (so none brings her back afterwards), and her events are then removed from the log, so that neither its
 * retention window nor a rebuild (`rapport reproject`) keeps or restores them.
 */
export async function eraseCustomer(
  db: Db,
  id: string,
  actor: Actor,
  ingest?: IngestLog,
): Promise<z.infer<typeof ErasureSchema>> {
  const through = ingest ? await ingest.eventLog.head() : 0;
  if (ingest && !(await ingest.projector.waitFor(through, INGEST_WAIT_MS))) {
    throw privacyErrors.error(
      'erasure_waits_for_ingest',
      'Events received before this request are still being applied; erase again in a minute, so none is missed',
      { retryAfterSeconds: 60 },
    );
  }
  const { result, keys } = await db.transaction(async (tx) => {
    const customer = await liveCustomer(tx, id);
    const keys = ingest
      ? (await sourceKeysOf(tx, customer.profiles)).map((key) => eventKey(key.source, key.sourceId))
      : [];
    const interactions = await deleteInteractionsOf(tx, customer.profiles);
    // The board's sign-in links and sessions are kept by address: read hers before her identities go.
    const emails = (await customerRecordsOf(tx, customer.id)).identities
      .filter((identity) => identity.kind === 'email')
      .map((identity) => identity.value);
    await eraseCustomerRecords(tx, customer);
    const cases = await eraseCasesOf(tx, customer.profiles);
    const surveyResponses = await deleteSurveyDataOf(tx, customer.profiles);
    const ideaRequests = await deleteIdeaDataOf(tx, customer.profiles);
    const advisoryInput = await deleteBoardDataOf(tx, customer.profiles);
    const ideaComments = await deletePublicBoardDataOf(tx, customer.profiles, emails);
    await redactAuditEntriesOf(tx, customer.profiles);
    await recordAudit(tx, {
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'customer.erased',
      customerId: customer.id,
      detail: {
        profiles: customer.profiles.length,
        interactions,
        cases,
        surveyResponses,
        ideaRequests,
        advisoryInput,
        ideaComments,
      },
      requestId: actor.requestId,
    });
    return { result: { erasedProfiles: customer.profiles, interactions }, keys };
  });
  // After the commit: were the process to stop in between, the events stay until the retention window ends.
  const loggedEvents = ingest ? await ingest.eventLog.redact(keys, through) : 0;
  return { ...result, loggedEvents };
}
