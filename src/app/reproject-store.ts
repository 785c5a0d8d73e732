// SQL of `rapport reproject`: what the projection of the event log wrote, cleared from a copy of the database so
// that the log can be projected into it again; and the staff work a rebuild would not bring back.
import type { Db } from '../store/db.ts';

/**
 * Every table the projection writes, children before parents. Configuration (staff, teams, policies, rules,
 * templates, write keys, settings) and import checkpoints stay as they are.
 */
export const PROJECTED_TABLES = [
  'case_changes',
  'case_tags',
  'case_thread_refs',
  'case_messages',
  'case_events',
  'case_merges',
  'mentions',
  'gestures',
  'sla_breaches',
  'cases',
  'merges',
  'customer_flags',
  'preferences',
  'behaviour_tallies',
  'customer_search_terms',
  'interactions',
  'profile_owners',
  'identities',
  'customers',
  'projection_rejections',
  'projection_cursor',
  // The metrics count what the projection wrote: rebuilt from it (last, after the triggers queued the deletions).
  'metric_rollups',
  'metric_facts',
  'metric_dirty',
] as const;

/** Tables whose rows point at customers or cases (their foreign keys): each must be among the cleared ones. */
export async function tablesReferencingProjection(db: Db): Promise<string[]> {
  const rows = await db.all<{ name: string }>(
    `SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f
      WHERE m.type = 'table' AND f."table" IN ('customers', 'cases', 'interactions')`,
  );
  return rows.map((row) => row.name);
}

export async function clearProjection(tx: Db): Promise<void> {
  for (const table of PROJECTED_TABLES) await tx.run(`DELETE FROM ${table}`);
  // What staff did directly stays; what the projection wrote (a merge an event caused) comes back with it.
  await tx.run('DELETE FROM audit_log WHERE log_position IS NOT NULL');
  await tx.run('UPDATE staff SET last_assigned_at = NULL');
  await tx.run("DELETE FROM settings WHERE key = 'metrics.interactionCursor'");
}

/** Work staff did on customers and cases: it is not in the event log, so a rebuild from the log loses it. */
export async function staffWork(db: Db): Promise<Record<string, number>> {
  const count = async (sql: string) => (await db.get<{ n: number }>(sql))?.n ?? 0;
  return {
    'replies and notes': await count("SELECT count(*) AS n FROM case_messages WHERE kind NOT IN ('inbound', 'call')"),
    'case changes by staff': await count('SELECT count(*) AS n FROM case_events WHERE log_position IS NULL'),
    gestures: await count('SELECT count(*) AS n FROM gestures'),
    'case merges': await count('SELECT count(*) AS n FROM case_merges'),
    'customer merges by staff': await count('SELECT count(*) AS n FROM merges WHERE log_position IS NULL'),
    'flags set by staff': await count("SELECT count(*) AS n FROM customer_flags WHERE source = 'manual'"),
    mentions: await count('SELECT count(*) AS n FROM mentions'),
    // Her events left the log with her; what the erasure kept of her cases (channel, reason, times) would not return.
    'erasures (their anonymised cases)': await count('SELECT count(*) AS n FROM customers WHERE erased_at IS NOT NULL'),
  };
}
