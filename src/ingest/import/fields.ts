// The native interaction fields an import can fill, named as in the native API body (`customer.email`,
// `properties.<key>`), and the dot paths that read and write them in a plain object.

const PLAIN_FIELDS = [
  'customer.email',
  'customer.phone',
  'customer.name',
  'customer.id',
  'customer.anonymousId',
  'channel',
  'direction',
  'type',
  'event',
  'department',
  'actor',
  'text',
  'occurredAt',
  'source',
  'sourceId',
  'historical',
] as const;

/** Fields that hold a record: the part after the prefix is one key, dots and all (`properties.utm.source`). */
const KEYED_FIELDS = [
  { prefix: 'customer.externalIds', key: 'system' },
  { prefix: 'customer.handles', key: 'network' },
  { prefix: 'customer.traits', key: 'key' },
  { prefix: 'properties', key: 'key' },
  { prefix: 'preferences', key: 'key' },
] as const;

/** Every field, as `--help` and error messages list them. */
export const FIELD_NAMES: readonly string[] = [
  ...PLAIN_FIELDS,
  ...KEYED_FIELDS.map(({ prefix, key }) => `${prefix}.<${key}>`),
];

/** The keys a field sets in the native body: `customer.traits.plan` → `['customer', 'traits', 'plan']`. */
export type FieldPath = readonly string[];

/** The path of a field name, or null when it names no field. */
export function parseField(name: string): FieldPath | null {
  if ((PLAIN_FIELDS as readonly string[]).includes(name)) return name.split('.');
  for (const { prefix } of KEYED_FIELDS) {
    if (name.startsWith(`${prefix}.`) && name.length > prefix.length + 1) {
      return [...prefix.split('.'), name.slice(prefix.length + 1)];
    }
  }
  return null;
}

/** Reads a value by path through own properties only, so a path can never reach into a prototype. */
export function readPath(object: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = object;
  for (const key of path) {
    if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/** Writes a value by path, making the objects on the way; defineProperty keeps a key like `__proto__` a plain key. */
export function writePath(object: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let target = object;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isRecord(next)) {
      target = next;
    } else {
      const created: Record<string, unknown> = {};
      defineKey(target, key, created);
      target = created;
    }
  }
  defineKey(target, path[path.length - 1]!, value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
