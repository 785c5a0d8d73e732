// The shapes the Rapport API returns, as the UI reads them (see the API contract).

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: string;
  department: string | null;
  permissions?: string[];
  /** The team whose queue is theirs (the inbox's Team tab), if they are in one. */
  teamId?: string | null;
  /** The largest gesture they may issue without a manager's approval. */
  empowermentLimit?: Money;
}

export interface Money {
  amount: number;
  currency: string;
}

export interface CustomerSummary {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** `@handle`, for customers we know only from a social network. */
  handle: string | null;
  lastSeenAt: string;
  interactionCount: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** How many match in all, where the API counts them (the case queues). */
  total?: number;
  /** A search found more than it pages through: `total` is of the first ones. */
  capped?: boolean;
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
  /** The team whose cases they take. */
  teamId: string | null;
  /** Lower-case words assignment rules can ask for (`billing`, `french`). */
  skills: string[];
  /** The largest gesture they may issue without a manager's approval. */
  empowermentLimit: Money;
  /** Takes new cases by automatic assignment. */
  available: boolean;
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

export const CASE_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** One case as the inbox lists it (`GET /api/cases`). */
export interface CaseSummary {
  id: string;
  number: number;
  customerId: string;
  customerName: string | null;
  /**
   * What to call the customer: name, else email, else `@handle`, else phone; email and phone come
   * masked for roles that may not see personal data. null only when nothing is known (an erased customer).
   */
  customerLabel: string | null;
  subject: string;
  channel: string;
  status: CaseStatus;
  priority: CasePriority;
  reason: string | null;
  tags: string[];
  assigneeId: string | null;
  assigneeName: string | null;
  teamId: string | null;
  openedAt: string;
  firstResponseAt: string | null;
  lastInboundAt: string | null;
  lastOutboundAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  contactCount: number;
  reopenCount: number;
  repeatOf: string | null;
  firstContactResolution: boolean | null;
  sla: {
    policyId: string | null;
    firstResponseDueAt: string | null;
    nextResponseDueAt: string | null;
    resolutionDueAt: string | null;
    /** Set while the case is pending: the resolution clock stands still since then. */
    resolutionPausedAt: string | null;
    /** The clock that runs out first while one runs: what the inbox counts down to. */
    nextDueAt: string | null;
    breaches: Array<{ metric: string; dueAt: string }>;
  };
  updatedAt: string;
}

export type MessageKind = 'inbound' | 'reply' | 'note' | 'call' | 'gesture';

export interface CaseMessage {
  id: number;
  interactionId: string;
  kind: MessageKind | string;
  channel: string;
  direction: string;
  text: string | null;
  at: string;
  author: { staffId: string; name: string | null } | null;
  /** Replies only: queued (with the last error while it retries), sent or failed. */
  delivery: { status: string; attempts: number; error: string | null } | null;
  externalId: string | null;
  properties: Record<string, unknown>;
  /** The merged case this message came from, when it shows on the case it was merged into. */
  fromCase?: { id: string; number: number } | null;
}

export interface Gesture {
  id: string;
  caseId: string | null;
  customerId: string;
  kind: string;
  amount: number;
  currency: string;
  reason: string;
  status: 'issued' | 'pending' | 'rejected' | string;
  approval?: 'pending';
  /** Which of the issuer's limits made it wait; null when it never waited. */
  pendingReason?: 'gesture_limit' | 'case_limit' | 'day_limit' | string | null;
  issuedBy: string;
  issuedByName: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
}

/** A gesture waiting for approval (`GET /api/gestures`), with what the approver recognises it by. */
export interface PendingGesture extends Gesture {
  caseNumber: number | null;
  caseSubject: string | null;
  customerLabel: string | null;
}

export const GESTURE_KINDS = ['credit', 'refund', 'replacement', 'gift', 'note'] as const;
export type GestureKind = (typeof GESTURE_KINDS)[number];

export interface NewGesture {
  kind: GestureKind;
  amount: number;
  currency: string;
  reason: string;
}

/** One case with its conversation (`GET /api/cases/:id`). */
export interface CaseDetail extends CaseSummary {
  messages: CaseMessage[];
  gestures: Gesture[];
  repeatedBy: string[];
  /** The earlier case this one repeats, named; null when it is no repeat. */
  repeatOfCase?: RelatedCase | null;
  /** The later cases that came back as repeats of this one. */
  repeatedByCases?: RelatedCase[];
  history: Array<{
    at: string;
    actorKind: string;
    actorId: string | null;
    change: Record<string, unknown>;
    fromCase?: { id: string; number: number };
  }>;
  /** Merges: the case this one was merged into (while it is), and the cases merged into this one. */
  merge?: { mergedInto: CaseMergeLink | null; mergedCases: CaseMergeLink[] };
}

/** A case named from another case's page: "Repeat of #1012 — Damaged item: …". */
export interface RelatedCase {
  id: string;
  number: number;
  subject: string | null;
  reason: string | null;
  status: string;
}

export interface CaseMergeLink {
  mergeId: string;
  caseId: string;
  number: number;
  mergedAt: string;
  mergedBy: string | null;
}

export interface CaseChanges {
  status?: CaseStatus;
  priority?: CasePriority;
  reason?: string | null;
  assigneeId?: string | null;
  teamId?: string | null;
  tags?: string[];
}

export interface TeamMember {
  id: string;
  name: string;
  role: string;
  skills: string[];
  available: boolean;
  /** Active cases assigned to them now. */
  load: number;
}

export interface Team {
  id: string;
  name: string;
  department: string | null;
  isDefault: boolean;
  openNow: boolean;
  members?: TeamMember[];
}

export interface ReplyTemplate {
  id: string;
  name: string;
  body: string;
}

/** Where a colleague @mentioned the signed-in staff member (`GET /api/mentions`), newest first. */
export interface Mention {
  id: number;
  /** null for a note on the customer rather than on a case. */
  caseId: string | null;
  caseNumber: number | null;
  caseSubject: string | null;
  customerId: string | null;
  /** The case message of the note; null for a note on the customer. */
  messageId: number | null;
  /** The note that mentions them. */
  text: string | null;
  mentionedBy: string;
  mentionedByName: string | null;
  at: string;
  read: boolean;
}
