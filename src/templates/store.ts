// SQL for reply templates, and for the facts a template's variables are filled from.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { ReplyTemplateSchema } from './responses.ts';

export type ReplyTemplate = z.infer<typeof ReplyTemplateSchema>;

interface TemplateRow {
  id: string;
  name: string;
  body: string;
  created_by: string | null;
  updated_at: number;
}

const toTemplate = (row: TemplateRow): ReplyTemplate => ({
  id: row.id,
  name: row.name,
  body: row.body,
  createdBy: row.created_by,
  updatedAt: new Date(row.updated_at).toISOString(),
});

export async function listTemplates(db: Db): Promise<ReplyTemplate[]> {
  return (await db.all<TemplateRow>('SELECT * FROM reply_templates ORDER BY name')).map(toTemplate);
}

export async function findTemplate(db: Db, id: string): Promise<ReplyTemplate | undefined> {
  const row = await db.get<TemplateRow>('SELECT * FROM reply_templates WHERE id = ?', [id]);
  return row && toTemplate(row);
}

export async function findTemplateByName(db: Db, name: string): Promise<ReplyTemplate | undefined> {
  const row = await db.get<TemplateRow>('SELECT * FROM reply_templates WHERE name = ?', [name]);
  return row && toTemplate(row);
}

/** What a write of a template sets (its time of change is the write's). */
export interface TemplateWrite {
  id: string;
  name: string;
  body: string;
  createdBy: string | null;
}

export async function upsertTemplate(db: Db, template: TemplateWrite): Promise<void> {
  const now = Date.now();
  await db.run(
    `INSERT INTO reply_templates (id, name, body, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body, updated_at = excluded.updated_at`,
    [template.id, template.name, template.body, template.createdBy, now, now],
  );
}

export async function deleteTemplate(db: Db, id: string): Promise<boolean> {
  return (await db.run('DELETE FROM reply_templates WHERE id = ?', [id])).changes > 0;
}

/** The customer's most recently added email address. */
export async function latestEmailOf(db: Db, customerId: string): Promise<string | null> {
  const row = await db.get<{ value: string }>(
    `SELECT value FROM identities WHERE customer_id = ? AND kind = 'email' ORDER BY created_at DESC LIMIT 1`,
    [customerId],
  );
  return row?.value ?? null;
}

/** The latest 'Order Completed' event of any of the customer's profiles. */
export async function lastOrderOf(
  db: Db,
  profiles: readonly string[],
): Promise<{ occurredAt: number; properties: Record<string, unknown> } | undefined> {
  const inList = profiles.map(() => '?').join(', ');
  const row = await db.get<{ occurred_at: number; properties: string | null }>(
    `SELECT occurred_at, properties FROM interactions
     WHERE profile_id IN (${inList}) AND event = 'Order Completed'
     ORDER BY occurred_at DESC LIMIT 1`,
    profiles,
  );
  return row && { occurredAt: row.occurred_at, properties: row.properties ? JSON.parse(row.properties) : {} };
}

/** How many of the customer's cases are still being worked on. */
export async function openCaseCountOf(db: Db, profiles: readonly string[]): Promise<number> {
  const inList = profiles.map(() => '?').join(', ');
  const row = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM cases WHERE customer_id IN (${inList}) AND status IN ('new', 'open', 'pending')`,
    profiles,
  );
  return row?.n ?? 0;
}
