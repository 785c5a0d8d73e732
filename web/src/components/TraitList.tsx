// A customer's traits as fields: readable names and values, nested objects as nested fields (a few
// levels deep, then as text), lists of plain values as one line.
import { isNested, traitLabel, traitText } from '../traits.ts';
import '../traits.css';

const MAX_DEPTH = 3;

export function TraitList({ traits, depth = 0 }: { traits: Record<string, unknown> | unknown[]; depth?: number }) {
  const entries: Array<[string, unknown]> = Array.isArray(traits)
    ? traits.map((item, index) => [`${index + 1}`, item])
    : Object.entries(traits);
  return (
    <dl className={depth === 0 ? 'kv traits' : 'kv traits nested'} data-testid={depth === 0 ? 'traits' : undefined}>
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt title={key}>{Array.isArray(traits) ? `Item ${key}` : traitLabel(key)}</dt>
          <dd>
            {isNested(value) && depth < MAX_DEPTH ? <TraitList traits={value} depth={depth + 1} /> : traitText(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
