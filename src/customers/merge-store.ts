// The SQL of merges: the record of each merge (what it copied, which profiles it absorbed) and its undo.
import type { Db } from '../store/db.ts';
import { currentEvent } from '../shared/clock.ts';

export interface MergeRow {
  id: string;
  survivor_id: string;
  absorbed_id: string;
  absorbed_profiles: string;
  copied: string;
  reason: string;
  cause: string | null;
  merged_by: string | null;
  merged_at: number;
  undone_at: number | null;
  undone_by: string | null;
}

export async function listMergesOf(db: Db, customerId: string): Promise<MergeRow[]> {
  return db.all<MergeRow>('SELECT * FROM merges WHERE survivor_id = ? OR absorbed_id = ? ORDER BY merged_at DESC', [
    customerId,
    customerId,
  ]);
}

export async function insertMerge(
  db: Db,
  merge: {
    id: string;
    survivorId: string;
    absorbedId: string;
    absorbedProfiles: string[];
    cause: string | null;
    copied: unknown;
    reason: string;
    mergedBy: string | null;
    mergedAt: number;
  },
): Promise<void> {
  await db.run(
    `INSERT INTO merges (id, survivor_id, absorbed_id, absorbed_profiles, cause, copied, reason, merged_by, merged_at,
                         log_position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      merge.id,
      merge.survivorId,
      merge.absorbedId,
      JSON.stringify(merge.absorbedProfiles),
      merge.cause,
      JSON.stringify(merge.copied),
      merge.reason,
      merge.mergedBy,
      merge.mergedAt,
      currentEvent()?.position ?? null,
    ],
  );
}

export async function findMerge(db: Db, id: string): Promise<MergeRow | undefined> {
  return db.get<MergeRow>('SELECT * FROM merges WHERE id = ?', [id]);
}

export async function markMergeUndone(db: Db, id: string, at: number, by: string | null): Promise<void> {
  await db.run('UPDATE merges SET undone_at = ?, undone_by = ? WHERE id = ?', [at, by, id]);
}
