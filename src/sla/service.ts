// Use cases for SLA policies: list, create, replace, archive and restore them. A policy's name is its own;
// archiving is refused while an active team runs on it, and cases already on it keep their clocks.
import type { Db } from '../store/db.ts';
import { isUniqueViolation } from '../store/constraints.ts';
import { newId } from '../shared/ids.ts';
import { slaErrors } from './errors.ts';
import type { SlaTargets } from './policy.ts';
import * as slaStore from './store.ts';

export interface PolicySettings {
  name: string;
  targets: SlaTargets;
  businessHoursOnly: boolean;
}

/** A policy as the API shows it. */
export function policyView(policy: slaStore.StoredPolicy) {
  return {
    id: policy.id,
    name: policy.name,
    targets: policy.targets,
    businessHoursOnly: policy.businessHoursOnly,
    archivedAt: policy.archivedAt === null ? null : new Date(policy.archivedAt).toISOString(),
  };
}

export type PolicyView = ReturnType<typeof policyView>;

function nameTaken(): never {
  throw slaErrors.error('conflict', 'A policy with that name already exists', {
    errors: [{ field: 'name', reason: 'Already taken' }],
  });
}

/** The name is checked first; the unique index stays the last word for two writes at once. */
async function saveUnderFreeName(tx: Db, id: string, name: string, write: () => Promise<void>): Promise<void> {
  const holder = await slaStore.findPolicyByName(tx, name);
  if (holder && holder.id !== id) nameTaken();
  await write().catch((error: unknown) => {
    if (isUniqueViolation(error, 'sla_policies', 'name')) nameTaken();
    throw error;
  });
}

export async function requirePolicyRecord(db: Db, id: string): Promise<slaStore.StoredPolicy> {
  const policy = await slaStore.findPolicy(db, id);
  if (!policy) throw slaErrors.error('not_found', `No SLA policy ${id}`);
  return policy;
}

export async function listPolicyViews(db: Db, options: { includeArchived: boolean }): Promise<PolicyView[]> {
  return (await slaStore.listPolicies(db, options)).map(policyView);
}

export async function createPolicy(db: Db, settings: PolicySettings): Promise<PolicyView> {
  const policy = { id: newId('sla'), ...settings };
  await db.transaction((tx) => saveUnderFreeName(tx, policy.id, policy.name, () => slaStore.insertPolicy(tx, policy)));
  return policyView({ ...policy, archivedAt: null });
}

/** Cases opened from now on use the new targets. */
export async function replacePolicy(db: Db, id: string, settings: PolicySettings): Promise<PolicyView> {
  return db.transaction(async (tx) => {
    const current = await requirePolicyRecord(tx, id);
    const policy = { id, ...settings };
    await saveUnderFreeName(tx, id, policy.name, () => slaStore.updatePolicy(tx, policy));
    return policyView({ ...policy, archivedAt: current.archivedAt });
  });
}

/** Cases already on it keep their clocks; refused while an active team runs on it. */
export async function archivePolicy(db: Db, id: string, now: number): Promise<PolicyView> {
  return db.transaction(async (tx) => {
    const policy = await requirePolicyRecord(tx, id);
    if (policy.archivedAt !== null) return policyView(policy);
    const teams = await slaStore.activeTeamsOnPolicy(tx, policy.id);
    if (teams.length) {
      throw slaErrors.error('policy_in_use', `${policy.name} is still in use`, {
        errors: teams.map((team) => ({
          field: 'teams',
          reason: `Team ${team} runs on this policy: give it another one first`,
        })),
      });
    }
    await slaStore.setPolicyArchived(tx, policy.id, now);
    return policyView({ ...policy, archivedAt: now });
  });
}

export async function restorePolicy(db: Db, id: string): Promise<PolicyView> {
  return db.transaction(async (tx) => {
    const policy = await requirePolicyRecord(tx, id);
    await slaStore.setPolicyArchived(tx, policy.id, null);
    return policyView({ ...policy, archivedAt: null });
  });
}
