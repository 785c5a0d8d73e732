// Traits as people read them: `plan_tier` → "Plan tier", `lifetimeValue` → "Lifetime value", `true` →
// "Yes", an ISO date → a date. Nested objects stay structured (TraitList shows them as nested fields).
import { humanize } from './labels.ts';
import { absoluteTime, formatDate } from './time.ts';

/** `createdAt`, `plan_tier`, `Plan-Tier`, `vipSince` → "Created at", "Plan tier", "Plan tier", "VIP since". */
export function traitLabel(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? humanize(words) : key;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** One scalar in words; objects and arrays of objects are left to TraitList. */
export function traitText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return Number.isFinite(value) ? value.toLocaleString('en') : String(value);
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return formatDate(`${value}T00:00:00`);
    if (ISO_TIME.test(value)) return absoluteTime(value);
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(traitText).join(', ');
  return JSON.stringify(value);
}

/** Whether a value is shown as nested fields rather than as text. */
export function isNested(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return value.some((item) => item !== null && typeof item === 'object');
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
}
