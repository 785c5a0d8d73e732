// The shapes of the help-desk settings API (teams, SLA policies, assignment rules, templates, flag rules,
// case settings) as the settings screens read and send them. The answers are the generated types (api/types.ts);
// the inputs are what the forms send, deliberately looser than the bodies (api/client.ts RequestBody) for the
// server to refuse beside the field.
import type { AssignmentRule, CasePriority, FlagRule, SlaPolicy, Team } from '../api/types.ts';
import type { BusinessHours } from './business-hours.ts';

export type { ArchivedTeam, AssignmentRule, CaseSettings, FlagRule, SlaPolicy } from '../api/types.ts';

/** A team as `GET /api/teams` lists it: the calendar its SLA clocks run on, and its members' load. */
export type TeamSettings = Team;

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

/** A UI type: the editor holds targets per known priority, which the server's map of any key accepts. */
export type SlaPolicyInput = Omit<SlaPolicy, 'id' | 'archivedAt' | 'targets'> & { targets: SlaTargets };

/**
 * Every listed condition must hold; within one, any value matches. A missing condition matches all. A UI type:
 * the form sends channels as typed, for the server to refuse an unknown one beside the field.
 */
export interface RuleConditions {
  channels?: string[];
  reasons?: string[];
  priorities?: CasePriority[];
  keywords?: string[];
}

/** Without a position the rule goes last. */
export type AssignmentRuleInput = Omit<AssignmentRule, 'id' | 'position' | 'conditions'> & {
  conditions: RuleConditions;
  position?: number;
};

export interface TemplateInput {
  name: string;
  body: string;
}

export type FlagName = FlagRule['flag'];

/** What an admin may change about how a staff member takes cases (`PATCH /api/staff/:id`). */
export interface StaffCaseChanges {
  teamId?: string | null;
  skills?: string[];
  /** An amount left empty goes as null, for the server to refuse beside the field rather than read as 0. */
  empowermentLimit?: { amount: number | null; currency: string };
  available?: boolean;
}
