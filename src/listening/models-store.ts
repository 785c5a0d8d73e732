// The SQL of text_models: the trained versions of each kind, which one is active, and the model's JSON read
// only where it is used (activation, the active model's first use on a connection).
import type { Db } from '../store/db.ts';
import type { TextModelKind, TextModelMetrics } from './training.ts';

export interface TextModelRecord {
  id: string;
  kind: TextModelKind;
  version: number;
  createdAt: number;
  createdBy: string | null;
  /** The staff member's name, when a staff member trained it. */
  createdByName: string | null;
  trainedOn: { examples: number; source: string };
  metrics: TextModelMetrics;
  active: boolean;
}

interface TextModelRow {
  id: string;
  kind: TextModelKind;
  version: number;
  created_at: number;
  created_by: string | null;
  created_by_name: string | null;
  trained_on_examples: number;
  trained_on_source: string;
  metrics: string;
  active: number;
}

const COLUMNS = `m.id, m.kind, m.version, m.created_at, m.created_by, s.name AS created_by_name,
  m.trained_on_examples, m.trained_on_source, m.metrics, m.active`;

function recordOf(row: TextModelRow): TextModelRecord {
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    trainedOn: { examples: row.trained_on_examples, source: row.trained_on_source },
    metrics: JSON.parse(row.metrics) as TextModelMetrics,
    active: row.active === 1,
  };
}

/** Every version of a kind, newest first. */
export async function listTextModels(db: Db, kind: TextModelKind): Promise<TextModelRecord[]> {
  const rows = await db.all<TextModelRow>(
    `SELECT ${COLUMNS} FROM text_models m LEFT JOIN staff s ON s.id = m.created_by
     WHERE m.kind = ? ORDER BY m.version DESC`,
    [kind],
  );
  return rows.map(recordOf);
}

export async function findTextModel(db: Db, id: string): Promise<TextModelRecord | undefined> {
  const row = await db.get<TextModelRow>(
    `SELECT ${COLUMNS} FROM text_models m LEFT JOIN staff s ON s.id = m.created_by WHERE m.id = ?`,
    [id],
  );
  return row && recordOf(row);
}

export async function nextTextModelVersion(db: Db, kind: TextModelKind): Promise<number> {
  const row = await db.get<{ version: number | null }>(
    'SELECT MAX(version) AS version FROM text_models WHERE kind = ?',
    [kind],
  );
  return (row?.version ?? 0) + 1;
}

export async function insertTextModel(
  db: Db,
  model: {
    id: string;
    kind: TextModelKind;
    version: number;
    createdAt: number;
    createdBy: string | null;
    trainedOn: { examples: number; source: string };
    metrics: TextModelMetrics;
    model: string;
  },
): Promise<void> {
  await db.run(
    `INSERT INTO text_models (id, kind, version, created_at, created_by, trained_on_examples, trained_on_source,
       metrics, model, active)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    [
      model.id,
      model.kind,
      model.version,
      model.createdAt,
      model.createdBy,
      model.trainedOn.examples,
      model.trainedOn.source,
      JSON.stringify(model.metrics),
      model.model,
    ],
  );
}

/** Makes `id` the active model of its kind (none when null): the old one first, for the unique index. */
export async function setActiveTextModel(db: Db, kind: TextModelKind, id: string | null): Promise<void> {
  await db.run('UPDATE text_models SET active = 0 WHERE kind = ? AND active = 1', [kind]);
  if (id !== null) await db.run('UPDATE text_models SET active = 1 WHERE id = ? AND kind = ?', [id, kind]);
}

/** The id of the active model of a kind: what the projection asks once a batch (text_models_active). */
export async function activeTextModelId(db: Db, kind: TextModelKind): Promise<string | null> {
  const row = await db.get<{ id: string }>('SELECT id FROM text_models WHERE kind = ? AND active = 1', [kind]);
  return row?.id ?? null;
}

export async function textModelJson(db: Db, id: string): Promise<string | undefined> {
  return (await db.get<{ model: string }>('SELECT model FROM text_models WHERE id = ?', [id]))?.model;
}
