// Which constraint a write broke, read from the engine's error code and the columns it names rather than
// from its prose, so a store can turn "that name is taken" into its capability's own refusal.

/**
 * True when `error` is a unique-constraint failure on `table.column`.
 * @example await insertTeam(tx, team).catch((error) => { if (isUniqueViolation(error, 'teams', 'name')) throw taken(); throw error; });
 */
export function isUniqueViolation(error: unknown, table: string, column: string): boolean {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_UNIQUE') return false;
  // SQLite names the columns of the broken index: "UNIQUE constraint failed: teams.name[, teams.other]".
  const columns = error.message.slice(error.message.indexOf(':') + 1).split(',');
  return columns.some((named) => named.trim() === `${table}.${column}`);
}
