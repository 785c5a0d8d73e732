// The shapes the Rapport API returns, as the UI reads them (see the API contract).

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: string;
  department: string | null;
  permissions?: string[];
}

export interface CustomerSummary {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  lastSeenAt: string;
  interactionCount: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Interaction {
  id: string;
  customerId: string;
  occurredAt: string;
  receivedAt: string;
  channel: string;
  direction: 'inbound' | 'outbound' | 'internal';
  type: string;
  event: string | null;
  department: string | null;
  actor: string | null;
  text: string | null;
  properties: Record<string, unknown>;
  source: string;
  sourceId: string;
}

export interface Identity {
  kind: string;
  value: string;
  createdAt: string;
}

export interface Flag {
  flag: string;
  source: 'manual' | 'rule';
  reason: string | null;
  setAt: string;
}

export interface Preference {
  key: string;
  value: unknown;
  kind: 'explicit' | 'implicit';
  confidence: number | null;
  evidence: string[];
  source: string | null;
  updatedAt: string;
}

export interface LastContact {
  department: string;
  channel: string;
  type: string;
  occurredAt: string;
  text: string | null;
}

export interface Merge {
  id: string;
  survivorId: string;
  absorbedId: string;
  reason: string;
  mergedAt: string;
  undoneAt: string | null;
}

export interface ContextCard {
  id: string;
  name: string | null;
  summary: string;
  redirectedFrom?: string;
  traits: Record<string, unknown>;
  createdAt: string;
  firstSeenAt: string;
  lastSeenAt: string;
  lifecycle: string;
  acquisitionSource: string | null;
  interactionCount: number;
  identities: Identity[];
  flags: Flag[];
  preferences: Preference[];
  lastContacts: LastContact[];
  recentInteractions: Interaction[];
  merges: Merge[];
}

/** A staff account as the Staff settings list it (the signed-in one is `Staff`, with permissions). */
export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  department: string | null;
  createdAt: string;
}

export const STAFF_ROLES = ['admin', 'manager', 'agent', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface NewStaffMember {
  email: string;
  name: string;
  role: StaffRole;
  department?: string;
  password: string;
}

/** The credential an ingest source sends events with; the secret itself is only in `CreatedWriteKey`. */
export interface WriteKey {
  id: string;
  name: string;
  source: string;
  keyHint: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedWriteKey extends WriteKey {
  key: string;
}

export interface Erasure {
  erasedProfiles: string[];
  interactions: number;
}
