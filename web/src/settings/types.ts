// The shapes of the help-desk settings API (teams, SLA policies, assignment rules, templates, flag rules,
// case settings) as the settings screens read and send them.
// TODO(contract): the answers here (teams, SLA policies, assignment rules, flag rules, case settings) are typed by
// hand until src/teams/routes.ts is split and described (contract's responses for it exist, not yet wired); the
// inputs are what the forms send, deliberately looser than the bodies (api/client.ts RequestBody) for the server to
// refuse beside the field.
import type { CasePriority, Team } from '../api/types.ts';
import type { BusinessHours } from './business-hours.ts';

/** A team as `GET /api/teams` lists it: the calendar its SLA clocks run on, and its members' load. */
export interface TeamSettings extends Team {
  timezone: string;
  businessHours: BusinessHours;
  holidays: string[];
  slaPolicyId: string | null;
  autoAssign: boolean;
  /** When it was archived (ISO); null while active. An archived team takes no cases and has no members. */
  archivedAt: string | null;
}

/** What `POST /api/teams/:id/archive` answers: the team, and how many members moved to the default team. */
export interface ArchivedTeam extends TeamSettings {
  membersMoved: number;
}

/** Lists leave archived teams and policies out unless asked. */
export interface ListOptions {
  includeArchived?: boolean;
}

/** What `POST /api/teams` and `PUT /api/teams/:id` take. */
export interface TeamInput {
  name: string;
  department: string | null;
  timezone: string;
  businessHours: BusinessHours;
  holidays: string[];
  slaPolicyId: string | null;
  autoAssign: boolean;
  isDefault: boolean;
}

export const SLA_METRICS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** Minutes per priority and metric; a missing one means no clock for it. */
export type SlaTargets = Partial<Record<CasePriority, Partial<Record<SlaMetric, number>>>>;

export interface SlaPolicy {
  id: string;
  name: string;
  targets: SlaTargets;
  /** Counted in the team's open hours rather than around the clock. */
  businessHoursOnly: boolean;
  /** When it was archived (ISO); null while active. Teams cannot be given an archived policy. */
  archivedAt: string | null;
}

export type SlaPolicyInput = Omit<SlaPolicy, 'id' | 'archivedAt'>;

/** Every listed condition must hold; within one, any value matches. A missing condition matches all. */
export interface RuleConditions {
  channels?: string[];
  reasons?: string[];
  priorities?: CasePriority[];
  keywords?: string[];
}

export interface AssignmentRule {
  id: string;
  position: number;
  name: string;
  conditions: RuleConditions;
  teamId: string;
  skill: string | null;
}

/** Without a position the rule goes last. */
export type AssignmentRuleInput = Omit<AssignmentRule, 'id' | 'position'> & { position?: number };

export interface TemplateInput {
  name: string;
  body: string;
}

export type FlagRule =
  | { flag: 'past_issues'; enabled: boolean; params: { cases: number; gestures: number; days: number } }
  | { flag: 'needs_extra_support'; enabled: boolean; params: { reopens: number; repeatContacts: number; days: number } }
  | { flag: 'vip'; enabled: boolean; params: { lifetimeValue: number; currency: string } }
  | {
      flag: 'at_risk';
      enabled: boolean;
      params: { quietDays: number; minInteractions: number; breaches: number; days: number };
    };

export type FlagName = FlagRule['flag'];

export interface CaseSettings {
  repeatWindowDays: number;
  threadWindowHours: number;
  autoCloseAfterDays: number;
}

/** What an admin may change about how a staff member takes cases (`PATCH /api/staff/:id`). */
export interface StaffCaseChanges {
  teamId?: string | null;
  skills?: string[];
  /** An amount left empty goes as null, for the server to refuse beside the field rather than read as 0. */
  empowermentLimit?: { amount: number | null; currency: string };
  available?: boolean;
}
