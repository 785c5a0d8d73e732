// SQL of profile_owners: which customer the events of a profile merged into another belong to now (migration 0017).
// A profile without a row is a customer of its own, so a merge or its undo writes a row per profile, never per event.
import type { Db } from '../store/db.ts';

/** The profiles that make up a customer today: her own record first, then every profile merged into her. */
export async function profilesOf(db: Db, customerId: string): Promise<string[]> {
  const rows = await db.all<{ profile_id: string }>(
    'SELECT profile_id FROM profile_owners WHERE customer_id = ? ORDER BY profile_id',
    [customerId],
  );
  return [customerId, ...rows.map((row) => row.profile_id)];
}

/** A merge: the absorbed customer's own profile and every profile merged into her now belong to the survivor. */
export async function handOverProfiles(db: Db, absorbedId: string, survivorId: string): Promise<void> {
  await db.run('UPDATE profile_owners SET customer_id = ? WHERE customer_id = ?', [survivorId, absorbedId]);
  await db.run('INSERT INTO profile_owners (profile_id, customer_id) VALUES (?, ?)', [absorbedId, survivorId]);
}

/**
 * Its undo: the profiles the merge took from the absorbed customer (`profiles`, as it recorded them) are hers
 * again, and her own record is a customer of its own once more.
 */
export async function handBackProfiles(
  db: Db,
  survivorId: string,
  absorbedId: string,
  profiles: readonly string[],
): Promise<void> {
  await db.run('DELETE FROM profile_owners WHERE profile_id = ? AND customer_id = ?', [absorbedId, survivorId]);
  const others = profiles.filter((profile) => profile !== absorbedId);
  if (others.length === 0) return;
  await db.run(
    `UPDATE profile_owners SET customer_id = ? WHERE customer_id = ? AND profile_id IN (${others.map(() => '?').join(', ')})`,
    [absorbedId, survivorId, ...others],
  );
}
