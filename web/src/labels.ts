// Display names for the machine words the API uses: channels, departments, identity kinds, keys.

const NETWORK_NAMES: Record<string, string> = {
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  whatsapp: 'WhatsApp',
};

const SYSTEM_NAMES: Record<string, string> = {
  shopify: 'Shopify',
  stripe: 'Stripe',
  zendesk: 'Zendesk',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  segment: 'Segment',
};

const ACRONYMS = new Set(['vip', 'sms', 'nps', 'csat', 'id', 'api', 'url', 'vat']);

/** `web_form` → `Web form`, `support` → `Support`, `vip` → `VIP`. */
export function humanize(word: string): string {
  const spaced = word
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(' ')
    .map((part) => (ACRONYMS.has(part.toLowerCase()) ? part.toUpperCase() : part))
    .join(' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Identities are listed in families, reachable ones first: agents look for a way to reply. */
export const IDENTITY_FAMILIES = ['Email', 'Phone', 'Social', 'External', 'Anonymous'] as const;
export type IdentityFamily = (typeof IDENTITY_FAMILIES)[number];

export function identityFamily(kind: string): IdentityFamily {
  if (kind === 'email') return 'Email';
  if (kind === 'phone') return 'Phone';
  if (kind.startsWith('handle:')) return 'Social';
  if (kind.startsWith('external:')) return 'External';
  return 'Anonymous';
}

/** How one identity reads: `X @jane`, `Shopify 123`, `jane@example.com`. */
export function identityText(kind: string, value: string): string {
  const [prefix, name = ''] = splitKind(kind);
  if (prefix === 'handle') return `${NETWORK_NAMES[name] ?? humanize(name)} @${value}`;
  if (prefix === 'external') return `${SYSTEM_NAMES[name] ?? humanize(name)} ${value}`;
  return value;
}

function splitKind(kind: string): [string, string?] {
  const at = kind.indexOf(':');
  return at < 0 ? [kind] : [kind.slice(0, at), kind.slice(at + 1)];
}

/** Traits, preference values and properties can be any JSON; show them as short text. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
