// Merging two profiles into one, and undoing it. A merge moves identities to the survivor, hands her the absorbed
// profiles (their interactions stay as they are), and records exactly what it copied, so undo can give the
// absorbed profile back intact.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import { customerErrors } from './errors.ts';
import { newId } from '../shared/ids.ts';
import { auditActor, type Actor } from '../shared/actor.ts';
import { recordAudit } from '../audit/index.ts';
import { handBackProfiles, handOverProfiles, profilesOf } from '../interactions/index.ts';
import * as store from './store.ts';
import * as mergeStore from './merge-store.ts';
import type { MergeRow } from './merge-store.ts';
import * as prefStore from './preference-store.ts';
import { absorbBehaviour, applyObservedBehaviour, rebuildImplicitPreferences } from './preferences.ts';
import { searchWords } from './profile.ts';
import { recordIdentityChanges } from './identity-cache.ts';
import type { Identity } from './identity.ts';
import type { MergeSchema } from './responses.ts';
import { now as currentTime } from '../shared/clock.ts';

interface CopiedRecords {
  traitKeys: string[];
  name: boolean;
  preferenceKeys: string[];
  flags: string[];
}

export type Merge = z.infer<typeof MergeSchema>;

function toMerge(row: MergeRow): Merge {
  return {
    id: row.id,
    survivorId: row.survivor_id,
    absorbedId: row.absorbed_id,
    reason: row.reason,
    cause: row.cause,
    mergedBy: row.merged_by,
    mergedAt: new Date(row.merged_at).toISOString(),
    undoneAt: row.undone_at === null ? null : new Date(row.undone_at).toISOString(),
    undoneBy: row.undone_by,
  };
}

function identityOf(row: store.IdentityRow): Identity {
  return { kind: row.kind as Identity['kind'], value: row.value };
}

export async function listMergesOf(db: Db, customerId: string): Promise<Merge[]> {
  return (await mergeStore.listMergesOf(db, customerId)).map(toMerge);
}

/** The profiles that make up a customer today: itself and everything merged into it, transitively. */
export { profilesOf };

export async function mergeProfiles(
  tx: Db,
  input: { survivorId: string; absorbedId: string; reason: 'event' | 'manual'; cause: string | null; actor: Actor },
): Promise<Merge> {
  // A merge during ingest: what the batch observed so far lands first, on the profiles (and their
  // events) it was observed on, as if each observation had been applied when it arrived.
  await applyObservedBehaviour(tx);
  const survivor = await store.findCustomerRecord(tx, input.survivorId);
  const absorbed = await store.findCustomerRecord(tx, input.absorbedId);
  if (!survivor || !absorbed)
    throw customerErrors.error('customer_not_found', 'Both customers must exist to merge them');
  if (survivor.merged_into || absorbed.merged_into) {
    throw customerErrors.error(
      'customer_already_merged',
      'One of these profiles was already merged away; merge its survivor instead',
    );
  }
  if (survivor.id === absorbed.id)
    throw customerErrors.error('merge_same_customer', 'A customer cannot be merged into itself');

  const survivorTraits = JSON.parse(survivor.traits) as Record<string, unknown>;
  const absorbedTraits = JSON.parse(absorbed.traits) as Record<string, unknown>;
  const copied: CopiedRecords = { traitKeys: [], name: false, preferenceKeys: [], flags: [] };
  for (const [key, value] of Object.entries(absorbedTraits)) {
    if (!(key in survivorTraits)) {
      survivorTraits[key] = value;
      copied.traitKeys.push(key);
    }
  }
  const name = survivor.name ?? absorbed.name;
  copied.name = survivor.name === null && absorbed.name !== null;

  const survivorPreferences = new Set(
    (await prefStore.listPreferences(tx, survivor.id)).filter((p) => p.kind === 'explicit').map((p) => p.key),
  );
  for (const preference of await prefStore.listPreferences(tx, absorbed.id)) {
    if (preference.kind !== 'explicit' || survivorPreferences.has(preference.key)) continue;
    await prefStore.upsertPreference(tx, {
      customerId: survivor.id,
      kind: 'explicit',
      key: preference.key,
      value: preference.value,
      confidence: null,
      evidence: [],
      source: preference.source,
      at: preference.updated_at,
    });
    copied.preferenceKeys.push(preference.key);
  }
  const survivorFlags = new Set((await prefStore.listFlags(tx, survivor.id)).map((flag) => flag.flag));
  for (const flag of await prefStore.listFlags(tx, absorbed.id)) {
    if (survivorFlags.has(flag.flag)) continue;
    await prefStore.upsertFlag(tx, {
      customerId: survivor.id,
      flag: flag.flag,
      source: flag.source,
      reason: flag.reason,
      setBy: flag.set_by,
      at: flag.set_at,
    });
    copied.flags.push(flag.flag);
  }

  const absorbedProfiles = await profilesOf(tx, absorbed.id);
  const moved = await store.listIdentities(tx, absorbed.id);
  await store.moveIdentities(tx, absorbed.id, survivor.id);
  await recordIdentityChanges(
    tx,
    moved.map((row) => ({
      identity: identityOf(row),
      owner: { customer_id: survivor.id, profile_id: row.profile_id },
    })),
  );
  await handOverProfiles(tx, absorbed.id, survivor.id);
  await store.updateCustomerProfile(tx, survivor.id, name, JSON.stringify(survivorTraits));
  if (copied.name && name) await store.replaceSearchTerms(tx, survivor.id, searchWords(name));
  await store.setMergedInto(tx, absorbed.id, survivor.id);
  await absorbBehaviour(tx, absorbed.id, survivor.id, currentTime());

  const id = newId('mrg');
  const now = currentTime();
  await mergeStore.insertMerge(tx, {
    id,
    survivorId: survivor.id,
    absorbedId: absorbed.id,
    absorbedProfiles,
    cause: input.cause,
    copied,
    reason: input.reason,
    mergedBy: staffIdOf(input.actor),
    mergedAt: now,
  });
  await recordAudit(tx, {
    ...auditActor(input.actor),
    action: 'customer.merged',
    customerId: survivor.id,
    detail: { mergeId: id, absorbedId: absorbed.id, reason: input.reason, cause: input.cause },
  });
  return toMerge((await mergeStore.findMerge(tx, id))!);
}

/** Gives the absorbed profile back its identities, events and preferences; what arrived for them since goes too. */
export async function undoMerge(tx: Db, mergeId: string, actor: Actor): Promise<Merge> {
  await applyObservedBehaviour(tx);
  const row = await mergeStore.findMerge(tx, mergeId);
  if (!row) throw customerErrors.error('merge_not_found', `No merge with id ${mergeId}`);
  if (row.undone_at !== null) throw customerErrors.error('merge_already_undone', `Merge ${mergeId} was already undone`);
  const survivor = await store.findCustomerRecord(tx, row.survivor_id);
  if (survivor?.merged_into) {
    throw customerErrors.error(
      'survivor_merged_since',
      `Customer ${row.survivor_id} was itself merged into ${survivor.merged_into} since; undo that merge first`,
    );
  }
  const profiles = JSON.parse(row.absorbed_profiles) as string[];
  const copied = JSON.parse(row.copied) as CopiedRecords;

  const returning = (await store.listIdentities(tx, row.survivor_id)).filter((identity) =>
    profiles.includes(identity.profile_id),
  );
  for (const profileId of profiles)
    await store.moveIdentitiesOfProfile(tx, row.survivor_id, profileId, row.absorbed_id);
  await recordIdentityChanges(
    tx,
    returning.map((identity) => ({
      identity: identityOf(identity),
      owner: { customer_id: row.absorbed_id, profile_id: identity.profile_id },
    })),
  );
  await handBackProfiles(tx, row.survivor_id, row.absorbed_id, profiles);
  await store.setMergedInto(tx, row.absorbed_id, null);

  const traits = JSON.parse(survivor!.traits) as Record<string, unknown>;
  for (const key of copied.traitKeys) delete traits[key];
  await store.updateCustomerProfile(tx, row.survivor_id, copied.name ? null : survivor!.name, JSON.stringify(traits));
  if (copied.name) await store.replaceSearchTerms(tx, row.survivor_id, []);
  for (const key of copied.preferenceKeys) await prefStore.deletePreference(tx, row.survivor_id, 'explicit', key);
  for (const flag of copied.flags) await prefStore.deleteFlag(tx, row.survivor_id, flag);

  for (const id of [row.survivor_id, row.absorbed_id]) await rebuildImplicitPreferences(tx, id);
  const now = currentTime();
  await mergeStore.markMergeUndone(tx, mergeId, now, staffIdOf(actor));
  await recordAudit(tx, {
    ...auditActor(actor),
    action: 'customer.merge_undone',
    customerId: row.survivor_id,
    detail: { mergeId, absorbedId: row.absorbed_id },
  });
  return toMerge((await mergeStore.findMerge(tx, mergeId))!);
}

/** `merged_by` / `undone_by` name staff; a merge by a write key or the system names no one there (the audit says who). */
function staffIdOf(actor: Actor): string | null {
  return actor.kind === 'staff' ? actor.id : null;
}

/** Who, from which address, in which request: as every other audit entry. */
