// All SQL of the projector's own state in the application database: its cursor and the events it rejected.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { ProjectionRejectionSchema } from './responses.ts';

export async function cursorOf(db: Db, name: string): Promise<number> {
  const row = await db.get<{ position: number }>('SELECT position FROM projection_cursor WHERE name = ?', [name]);
  return row?.position ?? 0;
}

export async function moveCursor(tx: Db, name: string, position: number, at: number): Promise<void> {
  await tx.run(
    `INSERT INTO projection_cursor (name, position, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    [name, position, at],
  );
}

/** As the status shows it, but with the time as stored. */
export type Rejection = Omit<z.infer<typeof ProjectionRejectionSchema>, 'rejectedAt'> & { rejectedAt: number };

export async function recordRejection(tx: Db, rejection: Rejection): Promise<void> {
  await tx.run(
    `INSERT OR REPLACE INTO projection_rejections (position, source, source_id, code, message, field, rejected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      rejection.position,
      rejection.source,
      rejection.sourceId,
      rejection.code,
      rejection.message,
      rejection.field,
      rejection.rejectedAt,
    ],
  );
}

export function rejectionAt(db: Db, position: number): Promise<Rejection | undefined> {
  return db.get<Rejection>(
    `SELECT position, source, source_id AS sourceId, code, message, field, rejected_at AS rejectedAt
       FROM projection_rejections WHERE position = ?`,
    [position],
  );
}

export async function rejectionCount(db: Db): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM projection_rejections'))?.n ?? 0;
}

/** The latest rejections, newest first. */
export function latestRejections(db: Db, limit: number): Promise<Rejection[]> {
  return db.all<Rejection>(
    `SELECT position, source, source_id AS sourceId, code, message, field, rejected_at AS rejectedAt
       FROM projection_rejections ORDER BY position DESC LIMIT ?`,
    [limit],
  );
}
