// Pure rules for a customer's profile: display name from traits, search words, trait merging.

/** Where a customer stands with the business (the column's CHECK holds it to these). */
export const LIFECYCLES = ['lead', 'active', 'at_risk', 'churned'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

const NAME_KEYS = ['name', 'full_name', 'fullName'] as const;

/** `name`, else first + last name, else null. */
export function nameFromTraits(traits: Record<string, unknown> | undefined): string | null {
  if (!traits) return null;
  for (const key of NAME_KEYS) {
    const value = traits[key];
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 200);
  }
  const first = traits.firstName ?? traits.first_name;
  const last = traits.lastName ?? traits.last_name;
  const parts = [first, last].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length
    ? parts
        .map((part) => part.trim())
        .join(' ')
        .slice(0, 200)
    : null;
}

/** Lower-case, accent-free words, so "José" is found by "jose". */
export function searchWords(text: string): string[] {
  return [
    ...new Set(
      text
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length > 0 && word.length <= 40),
    ),
  ];
}

/** Later traits win key by key; a null value removes the key (as Segment's identify does). */
export function mergeTraits(
  current: Record<string, unknown>,
  incoming: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(incoming)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Stated preferences travel in identify traits under `preferences`; they are kept apart from traits. */
export function splitPreferenceTraits(traits: Record<string, unknown>): {
  traits: Record<string, unknown>;
  preferences: Array<{ key: string; value: string }>;
} {
  const { preferences, ...rest } = traits;
  if (!preferences || typeof preferences !== 'object' || Array.isArray(preferences)) return { traits, preferences: [] };
  const list = Object.entries(preferences as Record<string, unknown>)
    .filter(([key, value]) => key.length > 0 && key.length <= 100 && value !== null && value !== undefined)
    .map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
  return { traits: rest, preferences: list };
}

export function acquisitionSourceOf(
  traits: Record<string, unknown> | undefined,
  context: Record<string, unknown> | null,
): string | null {
  const fromTraits = traits?.acquisitionSource ?? traits?.acquisition_source;
  if (typeof fromTraits === 'string' && fromTraits) return fromTraits.slice(0, 100);
  const campaign = context?.campaign as Record<string, unknown> | undefined;
  if (campaign && typeof campaign.source === 'string' && campaign.source) return campaign.source.slice(0, 100);
  return null;
}
