// How a read row becomes a native interaction body: `--map field=source`, `--set field=value` and the mapping
// file are parsed and checked here once, resolved against the CSV header, then applied to every row. Pure.
import { z } from 'zod';
import { FIELD_NAMES, parseField, readPath, writePath, type FieldPath } from './fields.ts';
import { importUsageError, type Constant, type Mapping } from './model.ts';

export interface MappingInput {
  /** `--map field=source` flags. */
  map?: readonly string[];
  /** `--set field=value` flags. */
  set?: readonly string[];
  /** The parsed JSON of `--mapping FILE`, and the file's name for messages. */
  file?: { name: string; content: unknown };
  keepColumns?: boolean;
}

const mappingFileSchema = z.strictObject({
  map: z.record(z.string(), z.string().min(1, 'name a column or path')).optional(),
  set: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

/** Flags win over the mapping file field by field, so a saved mapping can be adjusted on the command line. */
export function parseMapping(input: MappingInput): Mapping {
  const file = input.file ? layerFromFile(input.file.name, input.file.content) : { map: new Map(), set: new Map() };
  const flags = layerOf(
    (input.map ?? []).map((flag) => splitFlag(flag, '--map', 'column')),
    (input.set ?? []).map((flag) => splitFlag(flag, '--set', 'value')),
    'on the command line',
  );
  const map = new Map([...file.map, ...flags.map]);
  const set = new Map([...file.set, ...flags.set]);
  for (const field of flags.map.keys()) set.delete(field);
  for (const field of flags.set.keys()) map.delete(field);
  return { map, set, keepColumns: input.keepColumns ?? false };
}

/** One source of mapping (the file, or the flags), checked on its own. */
interface Layer {
  map: Map<string, string>;
  set: Map<string, Constant>;
}

function layerFromFile(name: string, content: unknown): Layer {
  const parsed = mappingFileSchema.safeParse(content);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`)
      .join('; ');
    throw importUsageError(
      'import_invalid_mapping',
      `${name} is not a mapping ({"map": {...}, "set": {...}}): ${problems}`,
    );
  }
  return layerOf(Object.entries(parsed.data.map ?? {}), Object.entries(parsed.data.set ?? {}), `in ${name}`);
}

function layerOf(mapped: Array<[string, string]>, constants: Array<[string, Constant]>, where: string): Layer {
  const map = new Map(mapped.map(([field, source]) => [checkField(field, where), source]));
  const set = new Map(constants.map(([field, value]) => [checkField(field, where), value]));
  for (const field of set.keys()) {
    if (map.has(field))
      throw importUsageError('import_invalid_mapping', `${field} is both mapped and set ${where}; keep one`);
  }
  return { map, set };
}

function checkField(field: string, where: string): string {
  if (parseField(field) === null) {
    throw importUsageError(
      'import_unknown_field',
      `Unknown field "${field}" ${where}. Fields: ${FIELD_NAMES.join(', ')}`,
    );
  }
  return field;
}

function splitFlag(flag: string, option: string, what: string): [string, string] {
  const at = flag.indexOf('=');
  if (at <= 0 || at === flag.length - 1) {
    throw importUsageError(
      'import_invalid_mapping',
      `${option} takes field=${what}, e.g. ${option} customer.email=Email; got "${flag}"`,
    );
  }
  return [flag.slice(0, at), flag.slice(at + 1)];
}

interface Fill {
  path: FieldPath;
  value: Constant;
}

/** The mapping resolved against a CSV header: which cell fills which field. */
export interface CsvPlan {
  cells: Array<{ index: number; path: FieldPath }>;
  constants: Fill[];
}

/**
 * Without any mapped column, the header is taken to name fields (`customer.email,channel,text`); with one, only the
 * mapped columns count, so an export's own `type` or `source` column cannot fill a field by accident.
 * Kept columns come first so that an explicit `properties.<key>` wins over a kept column of the same name.
 */
export function planCsv(header: readonly string[], mapping: Mapping): CsvPlan {
  const indexOf = new Map<string, number>();
  for (const [index, name] of header.entries()) if (!indexOf.has(name)) indexOf.set(name, index);
  const cells: CsvPlan['cells'] = [];
  for (const [field, column] of mapping.map) {
    const index = indexOf.get(column);
    if (index === undefined) {
      throw importUsageError(
        'import_unknown_column',
        `Column "${column}" (mapped to ${field}) is not in the header. Columns: ${header.join(', ')}`,
      );
    }
    cells.push({ index, path: parseField(field)! });
  }
  if (mapping.map.size === 0) {
    for (const [index, name] of header.entries()) {
      const path = parseField(name);
      if (path && !mapping.set.has(name)) cells.push({ index, path });
    }
  }
  const used = new Set(cells.map((cell) => cell.index));
  const kept = mapping.keepColumns
    ? header.flatMap((name, index) => (used.has(index) || name === '' ? [] : [{ index, path: ['properties', name] }]))
    : [];
  return { cells: [...kept, ...cells], constants: constantsOf(mapping) };
}

/** Empty cells are absent, so that an optional column left blank does not fail validation. */
export function mapCsvRow(cells: readonly string[], plan: CsvPlan): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const { index, path } of plan.cells) {
    const value = cells[index]?.trim();
    if (value) writePath(body, path, value);
  }
  for (const { path, value } of plan.constants) writePath(body, path, value);
  return body;
}

/** The mapping for JSON Lines: each line is a native body already; mapped paths and constants are laid over it. */
export interface JsonPlan {
  moves: Array<{ from: readonly string[]; path: FieldPath }>;
  constants: Fill[];
}

export function planJson(mapping: Mapping): JsonPlan {
  if (mapping.keepColumns) throw importUsageError('import_invalid_option', '--keep-columns applies to CSV files only');
  const moves = [...mapping.map].map(([field, from]) => ({ from: from.split('.'), path: parseField(field)! }));
  return { moves, constants: constantsOf(mapping) };
}

export function mapJsonObject(object: Record<string, unknown>, plan: JsonPlan): Record<string, unknown> {
  for (const { from, path } of plan.moves) {
    const value = readPath(object, from);
    if (value !== undefined && value !== null && value !== '') writePath(object, path, value);
  }
  for (const { path, value } of plan.constants) writePath(object, path, value);
  return object;
}

function constantsOf(mapping: Mapping): Fill[] {
  return [...mapping.set].map(([field, value]) => ({ path: parseField(field)!, value }));
}
