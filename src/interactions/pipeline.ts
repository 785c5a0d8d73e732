// The ingest pipeline every edge shares (Segment API, native API, CLI import): for each event,
// skip it if already stored, resolve the customer, apply traits and stated preferences, store the
// interaction and update implicit preferences — a batch at a time, in one transaction.
import type { Db } from '../store/db.ts';
import { RapportError } from '../http/errors.ts';
import { resolveCustomer } from '../customers/resolution.ts';
import { applyProfile } from '../customers/service.ts';
import { observeBehaviour, setExplicitPreference } from '../customers/preferences.ts';
import { acquisitionSourceOf, nameFromTraits, splitPreferenceTraits } from '../customers/profile.ts';
import { recordActivity } from '../customers/store.ts';
import { identityCacheFor } from '../customers/identity-cache.ts';
import type { IncomingEvent } from './model.ts';
import * as store from './store.ts';

export interface IngestResult {
  index: number;
  status: 'stored' | 'duplicate' | 'rejected';
  interactionId?: string;
  customerId?: string;
  error?: { code: string; message: string };
}

export interface IngestReport {
  stored: number;
  duplicates: number;
  rejected: number;
  customersCreated: number;
  merges: number;
  results: IngestResult[];
}

export interface IngestOptions {
  /**
   * 'all-or-nothing' (HTTP APIs): one failing event fails the batch and nothing lands.
   * 'skip-failed' (importers): a failing event is rolled back alone and reported; the rest land.
   */
  onEventError: 'all-or-nothing' | 'skip-failed';
}

interface Activity {
  first: number;
  last: number;
  count: number;
}

export async function ingestEvents(
  db: Db,
  events: readonly IncomingEvent[],
  options: IngestOptions = { onEventError: 'all-or-nothing' },
): Promise<IngestReport> {
  const identities = identityCacheFor(db);
  return db.transaction(async (tx) => {
    await identities.sync(tx);
    const report: IngestReport = { stored: 0, duplicates: 0, rejected: 0, customersCreated: 0, merges: 0, results: [] };
    const activity = new Map<string, Activity>();
    const receivedAt = Date.now();
    for (const [index, event] of events.entries()) {
      if (options.onEventError === 'all-or-nothing') {
        report.results.push(await ingestOne(tx, event, index, receivedAt, report, activity));
        continue;
      }
      await tx.run('SAVEPOINT ingest_event');
      try {
        report.results.push(await ingestOne(tx, event, index, receivedAt, report, activity));
        await tx.run('RELEASE ingest_event');
      } catch (error) {
        // The cache may hold identities this rollback removes.
        identities.clear();
        await tx.run('ROLLBACK TO ingest_event');
        await tx.run('RELEASE ingest_event');
        if (!(error instanceof RapportError)) throw error;
        report.rejected++;
        report.results.push({ index, status: 'rejected', error: { code: error.code, message: error.message } });
      }
    }
    for (const [customerId, seen] of activity) await recordActivity(tx, customerId, seen.first, seen.last, seen.count);
    return report;
  }).catch((error: unknown) => {
    identities.clear();
    throw error;
  });
}

async function ingestOne(
  tx: Db,
  event: IncomingEvent,
  index: number,
  receivedAt: number,
  report: IngestReport,
  activity: Map<string, Activity>,
): Promise<IngestResult> {
  const existing = await store.findBySourceId(tx, event.source, event.sourceId);
  if (existing) {
    report.duplicates++;
    return { index, status: 'duplicate', interactionId: String(existing.id), customerId: existing.customer_id };
  }
  if (event.identities.length === 0 && !event.customerId && !event.linkedIdentities?.length) {
    throw new RapportError('no_identity', 'The event names no customer: give an identity or a customerId', 400);
  }
  const { traits, preferences } = splitPreferenceTraits(event.traits ?? {});
  const name = event.name ?? nameFromTraits(traits);
  const hasTraits = Object.keys(traits).length > 0;
  const resolved = await resolveCustomer(tx, {
    identities: event.identities,
    linkedIdentities: event.linkedIdentities,
    customerId: event.customerId,
    name,
    traits: JSON.stringify(traits),
    acquisitionSource: acquisitionSourceOf(traits, event.context),
    source: event.source,
    occurredAt: event.occurredAt,
    cause: `${event.source}:${event.sourceId}`,
  });
  const customerId = resolved.customerId;
  if (resolved.created) report.customersCreated++;
  if (resolved.merged.length > 0) {
    report.merges += resolved.merged.length;
    // Activity of this batch not yet written for a merged-away profile now belongs to the survivor.
    for (const id of resolved.merged) {
      const pending = activity.get(id);
      if (!pending) continue;
      activity.delete(id);
      addActivity(activity, customerId, pending.first, pending.last, pending.count);
    }
  }
  if (!resolved.created && (hasTraits || name)) await applyProfile(tx, customerId, name, traits);
  for (const preference of [...preferences, ...(event.explicitPreferences ?? [])]) {
    await setExplicitPreference(tx, customerId, preference.key, preference.value, event.source, event.occurredAt);
  }

  const id = await store.insertInteraction(tx, event, customerId, resolved.profileId, receivedAt);
  if (event.type === 'track') await observeBehaviour(tx, customerId, String(id), event.properties, event.occurredAt);

  addActivity(activity, customerId, event.occurredAt, event.occurredAt, 1);
  report.stored++;
  return { index, status: 'stored', interactionId: String(id), customerId };
}

function addActivity(activity: Map<string, Activity>, customerId: string, first: number, last: number, count: number): void {
  const seen = activity.get(customerId);
  if (!seen) {
    activity.set(customerId, { first, last, count });
    return;
  }
  seen.first = Math.min(seen.first, first);
  seen.last = Math.max(seen.last, last);
  seen.count += count;
}
