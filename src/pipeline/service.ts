// The ingest pipeline every edge shares (Segment API, native API, CLI import): for each event,
// skip it if already stored, resolve the customer, apply traits and stated preferences, store the
// interaction and note what it observed; implicit preferences follow once per batch, in the same transaction.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import { releaseSavepoint, rollbackToSavepoint, savepoint } from '../store/savepoint.ts';
import { DomainError } from '../shared/errors.ts';
import { asOf } from '../shared/clock.ts';
import { pipelineErrors } from './errors.ts';
import { resolveCustomer } from '../customers/index.ts';
import { applyProfile } from '../customers/index.ts';
import {
  applyObservedBehaviour,
  discardObservedBehaviour,
  observeBehaviour,
  setExplicitPreference,
} from '../customers/index.ts';
import { acquisitionSourceOf, nameFromTraits, splitPreferenceTraits } from '../customers/index.ts';
import { identityCacheFor } from '../customers/index.ts';
import {
  CONTACT_FLAGS,
  VALUE_FLAGS,
  changesLifetimeValue,
  refreshRuleFlagsOf,
  ruleFlagHoldersAmong,
} from '../flags/index.ts';
import {
  findBySourceId,
  type IncomingEvent,
  insertInteraction,
  isListenedTo,
  listenedText,
  readInsight,
} from '../interactions/index.ts';
import { activeTextModel, classifyReason } from '../listening/index.ts';
import type { Actor } from '../shared/actor.ts';
import type { IngestReportSchema, IngestResultSchema } from './responses.ts';

export type IngestResult = z.infer<typeof IngestResultSchema>;

export type IngestReport = z.infer<typeof IngestReportSchema>;

export interface IngestOptions {
  /**
   * 'all-or-nothing' (HTTP APIs): one failing event fails the batch and nothing lands.
   * 'skip-failed' (importers): a failing event is rolled back alone and reported; the rest land.
   */
  onEventError: 'all-or-nothing' | 'skip-failed';
  /**
   * All-or-nothing only: where the events sit in the request body (`interactions`), so that the error
   * names the field at fault as the caller wrote it: `interactions.3.customer.id`.
   */
  eventsPath?: string;
  /** Who sends the events (a write key, staff, the CLI): named, with address and request id, in the audit of any merge they cause. */
  actor?: Actor;
  /**
   * Runs for each event stored or found stored, in the same transaction (and, skipping failed events, the
   * same savepoint: its failure rejects the event alone): the native API and the importer carry inbound
   * messages to their cases here. What it returns is added to the event's result.
   */
  /** The projector replays events from many requests in one batch: each keeps who sent it (default `actor`). */
  actorOf?: (index: number) => Actor | undefined;
  /** When each event was acknowledged (default: now, for one batch received now). */
  receivedAtOf?: (index: number) => number;
  /**
   * Each event's place in the event log (the projector): the event is then decided as of its arrival and names
   * what it creates after its position (src/shared/clock.ts), so that projecting the log again gives the same.
   */
  positionOf?: (index: number) => number;
  /** Runs last inside the batch's transaction: the projector moves its cursor here, so both land or neither. */
  beforeCommit?: (tx: Db, report: IngestReport) => Promise<void>;
  // biome-ignore lint/suspicious/noConfusingVoidType: callers' hooks that add nothing are plain async functions returning void
  onStored?: (tx: Db, event: IncomingEvent, result: IngestResult) => Promise<Partial<IngestResult> | void>;
}

/** The report of events projected one by one, perhaps in different batches (an edge's answer from its outcomes). */
export function reportOf(results: readonly IngestResult[]): IngestReport {
  const report: IngestReport = {
    stored: 0,
    duplicates: 0,
    rejected: 0,
    customersCreated: 0,
    merges: 0,
    results: [...results],
  };
  for (const result of results) {
    if (result.status === 'stored') report.stored++;
    else if (result.status === 'duplicate') report.duplicates++;
    else report.rejected++;
    if (result.customerCreated) report.customersCreated++;
    report.merges += result.merges ?? 0;
  }
  return report;
}

// A batch of thousands runs for most of a second, and better-sqlite3 is synchronous: without a turn of the event
// loop now and then, a look-up arriving meanwhile waits for the whole batch. Reads go through the reader
// connection and see the last commit, so they may run between two events; the writer stays held (other writes
// wait their turn), and what this transaction keeps in memory (identity cache, observed behaviour) is used
// only under the writer.
let yieldEveryMs: number | null = 2;

/** How long a batch runs before it lets the event loop turn; null never (the benchmark compares both). */
export function yieldToReadsEvery(ms: number | null): void {
  yieldEveryMs = ms;
}

let listening = true;

/** Whether texts are read (sentiment, urgency, language, reason) as they are stored; the benchmark compares both. */
export function listenToTexts(on: boolean): void {
  listening = on;
}

export function isListening(): boolean {
  return listening;
}

export function readYieldMs(): number | null {
  return yieldEveryMs;
}

/** For a long synchronous stretch: call between steps; it lets the event loop turn once `yieldEveryMs` has passed. */
export function turnTaker(): () => Promise<void> {
  let turnedAt = performance.now();
  return async () => {
    if (yieldEveryMs === null || performance.now() - turnedAt <= yieldEveryMs) return;
    await nextTurn();
    turnedAt = performance.now();
  };
}

export async function ingestEvents(
  db: Db,
  events: readonly IncomingEvent[],
  options: IngestOptions = { onEventError: 'all-or-nothing' },
): Promise<IngestReport> {
  const identities = identityCacheFor(db);
  return db
    .transaction(async (tx) => {
      await identities.sync(tx);
      const report = reportOf([]);
      const now = Date.now();
      const receivedAtOf = options.receivedAtOf ?? (() => now);
      // Flags are re-decided as of the latest event of the batch.
      const receivedAt = events.reduce((latest, _event, index) => Math.max(latest, receivedAtOf(index)), 0) || now;
      // Events replayed from the log are decided as of their arrival (src/shared/clock.ts), not of their projection.
      const positionOf = options.positionOf;
      const carry = positionOf
        ? (event: IncomingEvent, index: number) =>
            asOf(receivedAtOf(index), positionOf(index), () =>
              ingestAndCarry(tx, event, index, receivedAtOf(index), report, options),
            )
        : (event: IncomingEvent, index: number) =>
            ingestAndCarry(tx, event, index, receivedAtOf(index), report, options);
      const takeTurn = turnTaker();
      for (const [index, event] of events.entries()) {
        await takeTurn();
        if (options.onEventError === 'all-or-nothing') {
          report.results.push(
            await carry(event, index).catch((error: unknown) => {
              throw error instanceof DomainError ? locatedError(error, index, options.eventsPath) : error;
            }),
          );
          continue;
        }
        await savepoint(tx, 'ingest_event');
        try {
          report.results.push(await carry(event, index));
          // Before RELEASE: rolling back a later event must not take this one's observations with it.
          await applyObservedBehaviour(tx);
          await releaseSavepoint(tx, 'ingest_event');
        } catch (error) {
          // The cache may hold identities this rollback removes.
          identities.clear();
          discardObservedBehaviour(tx);
          await rollbackToSavepoint(tx, 'ingest_event');
          if (!(error instanceof DomainError)) throw error;
          report.rejected++;
          report.results.push({
            index,
            status: 'rejected',
            error: { code: error.code, message: error.message, field: error.errors[0]?.field ?? '' },
          });
        }
      }
      await applyObservedBehaviour(tx);
      // An order can make a customer a VIP: her rule flags follow, once per customer per batch.
      const buyers = new Set(
        report.results
          .filter((result) => result.status === 'stored' && changesLifetimeValue(events[result.index]!.event))
          .map((result) => result.customerId!),
      );
      if (buyers.size) await refreshRuleFlagsOf(tx, buyers, receivedAt, VALUE_FLAGS);
      // One query a batch: the few customers flagged at risk for their silence are re-decided now they write.
      const stored = report.results.filter((result) => result.status === 'stored').map((result) => result.customerId!);
      const returning = await ruleFlagHoldersAmong(tx, stored, CONTACT_FLAGS);
      if (returning.length) await refreshRuleFlagsOf(tx, returning, receivedAt, CONTACT_FLAGS);
      await options.beforeCommit?.(tx, report);
      return report;
    })
    .catch((error: unknown) => {
      identities.clear();
      discardObservedBehaviour(db);
      throw error;
    });
}

/** The same error, its fields prefixed with the event's place in the request: `interactions.3.customer.id`. */
function locatedError(error: DomainError, index: number, eventsPath: string | undefined): DomainError {
  const at = eventsPath ? `${eventsPath}.${index}` : String(index);
  const errors = error.errors.length ? error.errors : [{ field: '', reason: error.message }];
  return new DomainError(error.capability, error.code, error.kind, `Event ${index}: ${error.message}`, {
    errors: errors.map((item) => ({ ...item, field: item.field ? `${at}.${item.field}` : at })),
  });
}

async function ingestAndCarry(
  tx: Db,
  event: IncomingEvent,
  index: number,
  receivedAt: number,
  report: IngestReport,
  options: IngestOptions,
): Promise<IngestResult> {
  const actor = options.actorOf?.(index) ?? options.actor;
  if (!options.onStored) return ingestOne(tx, event, index, receivedAt, report, actor);
  // A failure after the event was counted rolls it back: so do its counts.
  const counted = {
    stored: report.stored,
    duplicates: report.duplicates,
    customersCreated: report.customersCreated,
    merges: report.merges,
  };
  try {
    const result = await ingestOne(tx, event, index, receivedAt, report, actor);
    const added = await options.onStored(tx, event, result);
    return added ? { ...result, ...added } : result;
  } catch (error) {
    Object.assign(report, counted);
    throw error;
  }
}

async function ingestOne(
  tx: Db,
  event: IncomingEvent,
  index: number,
  receivedAt: number,
  report: IngestReport,
  actor: Actor | undefined,
): Promise<IngestResult> {
  const existing = await findBySourceId(tx, event.source, event.sourceId);
  if (existing) {
    report.duplicates++;
    return { index, status: 'duplicate', interactionId: String(existing.id), customerId: existing.customer_id };
  }
  if (event.identities.length === 0 && !event.customerId && !event.linkedIdentities?.length) {
    throw pipelineErrors.error('no_identity', 'The event names no customer: give an identity or a customerId', {
      errors: [{ field: 'customer', reason: 'Give an email, phone, handle, external id, anonymous id or customer id' }],
    });
  }
  const { traits, preferences } = splitPreferenceTraits(event.traits ?? {});
  const name = event.name ?? nameFromTraits(traits);
  const hasTraits = Object.keys(traits).length > 0;
  const resolved = await resolveCustomer(tx, {
    identities: event.identities,
    linkedIdentities: event.linkedIdentities,
    customerId: event.customerId,
    name,
    traits,
    acquisitionSource: acquisitionSourceOf(traits, event.context),
    source: event.source,
    occurredAt: event.occurredAt,
    cause: `${event.source}:${event.sourceId}`,
    actor,
  });
  const customerId = resolved.customerId;
  if (resolved.created) report.customersCreated++;
  report.merges += resolved.merged.length;
  if (!resolved.created && (hasTraits || name)) await applyProfile(tx, customerId, name, traits);
  for (const preference of [...preferences, ...(event.explicitPreferences ?? [])]) {
    await setExplicitPreference(tx, customerId, preference.key, preference.value, event.source, event.occurredAt);
  }

  // Listening reads her words as they are stored, in the projection: never on the acknowledgement's path.
  // A trained model unsure of the reason leaves it for a person (DEFAULT_REASON_THRESHOLD).
  const words = listening && isListenedTo(event) ? listenedText(event) : null;
  const insight =
    words === null ? null : readInsight(words, await classifyReason(tx, words), await activeTextModel(tx, 'sentiment'));
  const id = await insertInteraction(tx, event, resolved.profileId, receivedAt, insight);
  if (event.type === 'track') observeBehaviour(tx, customerId, String(id), event.properties, event.occurredAt);

  report.stored++;
  return {
    index,
    status: 'stored',
    interactionId: String(id),
    customerId,
    ...(resolved.created ? { customerCreated: true } : {}),
    ...(resolved.merged.length ? { merges: resolved.merged.length } : {}),
  };
}
