// The shapes of the help-desk settings API (teams, SLA policies, assignment and escalation rules, templates, flag
// rules, case settings) as the settings screens read and send them. The answers are the generated types (api/types.ts);
// the inputs are the generated request bodies (api/client.ts RequestBody), loosened only where a form sends what
// was typed, for the server to refuse beside the field.
import type { RequestBody } from '../api/client.ts';
import type { CasePriority, FlagRule, Team, TextModel } from '../api/types.ts';

export type {
  ArchivedTeam,
  AssignmentRule,
  CaseSettings,
  EscalationRule,
  FlagRule,
  SlaPolicy,
  TextModel,
} from '../api/types.ts';

/** What a listening model predicts: a message's contact reason, or its sentiment. */
export type TextModelKind = TextModel['kind'];

/** A team as `GET /api/teams` lists it: the calendar its SLA clocks run on, and its members' load. */
export type TeamSettings = Team;

/** Lists leave archived teams and policies out unless asked. */
export interface ListOptions {
  includeArchived?: boolean;
}

/** What `POST /api/teams` and `PUT /api/teams/:id` take; the form sends every field (a replace keeps no old value). */
export type TeamInput = Required<RequestBody<'/api/teams', 'post'>>;

export const SLA_METRICS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** Minutes per priority and metric; a missing one means no clock for it. */
export type SlaTargets = Partial<Record<CasePriority, Partial<Record<SlaMetric, number>>>>;

/** What `POST /api/sla-policies` and `PUT /api/sla-policies/:id` take; the editor sends every field. */
export type SlaPolicyInput = Required<RequestBody<'/api/sla-policies', 'post'>>;

type AssignmentRuleBody = RequestBody<'/api/assignment-rules', 'post'>;

/**
 * Every listed condition must hold; within one, any value matches. A missing condition matches all. Looser than
 * the body in one place: the form sends channels as typed, for the server to refuse an unknown one beside the field.
 */
export type RuleConditions = Omit<NonNullable<AssignmentRuleBody['conditions']>, 'channels'> & { channels?: string[] };

/** What `POST /api/assignment-rules` takes (conditions loosened as above); without a position the rule goes last. */
export type AssignmentRuleInput = Omit<AssignmentRuleBody, 'conditions'> & { conditions: RuleConditions };

type EscalationRuleBody = RequestBody<'/api/escalation-rules', 'post'>;

/**
 * What an escalation rule reads (all must hold; an empty list matches any). Looser than the body: channels go as
 * typed, and a threshold box left empty goes as null, for the server to refuse beside the field.
 */
export interface EscalationConditionsInput {
  channels: string[];
  reasons: string[];
  sentimentAtMost: number | null;
  urgencyAtLeast: number | null;
}

/** What `POST /api/escalation-rules` takes (conditions loosened as above); `PATCH` takes it too. A new rule goes last. */
export type EscalationRuleInput = Required<Omit<EscalationRuleBody, 'conditions' | 'position'>> & {
  conditions: EscalationConditionsInput;
};

/** What `POST /api/templates` and `PUT /api/templates/:id` take. */
export type TemplateInput = RequestBody<'/api/templates', 'post'>;

export type FlagName = FlagRule['flag'];

type StaffChanges = RequestBody<'/api/staff/{id}', 'patch'>;

/**
 * What an admin may change about how a staff member takes cases (`PATCH /api/staff/:id`). Looser than the body in
 * one place: an amount left empty goes as null, for the server to refuse beside the field rather than read as 0.
 */
export type StaffCaseChanges = Pick<StaffChanges, 'teamId' | 'skills' | 'available'> & {
  empowermentLimit?: Omit<NonNullable<StaffChanges['empowermentLimit']>, 'amount'> & { amount: number | null };
};
