// The help-desk settings endpoints: teams, SLA policies, assignment and escalation rules, reply templates, flag
// rules, case settings, the listening models, and how a staff member takes cases. (Listing templates is `api.templates`, which agents use too.)
// Teams and SLA policies are archived rather than deleted, so cases that ran on them keep their history.
import { client, dataOf, type RequestBody } from '../api/client.ts';
import type {
  AssignmentRuleInput,
  CaseSettings,
  EscalationRuleInput,
  FlagName,
  FlagRule,
  ListOptions,
  SlaPolicyInput,
  StaffCaseChanges,
  TeamInput,
  TemplateInput,
  TextModelKind,
} from './types.ts';

const byId = (id: string) => ({ params: { path: { id } } });

// The forms send what was typed (a channel as text, an empty amount as null) for the server to refuse beside the
// field, so their inputs are looser than the route's body type: the casts below say so.

/** The server leaves archived teams and policies out of its lists unless asked. */
const listQuery = ({ includeArchived = false }: ListOptions = {}) => ({
  params: { query: includeArchived ? { include: 'archived' as const } : {} },
});

export const settingsApi = {
  teams: (options?: ListOptions) => dataOf(client.GET('/api/teams', listQuery(options))),
  createTeam: (team: TeamInput) => dataOf(client.POST('/api/teams', { body: team })),
  replaceTeam: (id: string, team: TeamInput) => dataOf(client.PUT('/api/teams/{id}', { ...byId(id), body: team })),
  /** Refused (409 `team_in_use`, one reason per obstacle) for the default team, or while cases or assignment rules need it. */
  archiveTeam: (id: string) => dataOf(client.POST('/api/teams/{id}/archive', byId(id))),
  /** Comes back without members; refused (409 `policy_archived`) while its SLA policy is archived. */
  restoreTeam: (id: string) => dataOf(client.POST('/api/teams/{id}/restore', byId(id))),
  slaPolicies: (options?: ListOptions) => dataOf(client.GET('/api/sla-policies', listQuery(options))),
  createSlaPolicy: (policy: SlaPolicyInput) => dataOf(client.POST('/api/sla-policies', { body: policy })),
  replaceSlaPolicy: (id: string, policy: SlaPolicyInput) =>
    dataOf(client.PUT('/api/sla-policies/{id}', { ...byId(id), body: policy })),
  /** Refused (409 `policy_in_use`, one reason per team) while an active team runs on it. */
  archiveSlaPolicy: (id: string) => dataOf(client.POST('/api/sla-policies/{id}/archive', byId(id))),
  restoreSlaPolicy: (id: string) => dataOf(client.POST('/api/sla-policies/{id}/restore', byId(id))),
  /** In the order they are tried. */
  assignmentRules: () => dataOf(client.GET('/api/assignment-rules')),
  createAssignmentRule: (rule: AssignmentRuleInput) =>
    dataOf(client.POST('/api/assignment-rules', { body: rule as RequestBody<'/api/assignment-rules', 'post'> })),
  deleteAssignmentRule: (id: string) => dataOf(client.DELETE('/api/assignment-rules/{id}', byId(id))),
  changeAssignmentRule: (id: string, change: Partial<AssignmentRuleInput>) =>
    dataOf(
      client.PATCH('/api/assignment-rules/{id}', {
        ...byId(id),
        body: change as RequestBody<'/api/assignment-rules/{id}', 'patch'>,
      }),
    ),
  /** In the order they are tried; the first enabled one that matches applies. */
  escalationRules: () => dataOf(client.GET('/api/escalation-rules')),
  createEscalationRule: (rule: EscalationRuleInput) =>
    dataOf(client.POST('/api/escalation-rules', { body: rule as RequestBody<'/api/escalation-rules', 'post'> })),
  /** Conditions, when given, are taken whole. */
  changeEscalationRule: (id: string, change: Partial<EscalationRuleInput> & { position?: number }) =>
    dataOf(
      client.PATCH('/api/escalation-rules/{id}', {
        ...byId(id),
        body: change as RequestBody<'/api/escalation-rules/{id}', 'patch'>,
      }),
    ),
  deleteEscalationRule: (id: string) => dataOf(client.DELETE('/api/escalation-rules/{id}', byId(id))),
  createTemplate: (template: TemplateInput) => dataOf(client.POST('/api/templates', { body: template })),
  replaceTemplate: (id: string, template: TemplateInput) =>
    dataOf(client.PUT('/api/templates/{id}', { ...byId(id), body: template })),
  previewTemplate: (body: string) => dataOf(client.POST('/api/templates/preview', { body: { body } })),
  deleteTemplate: (id: string) => dataOf(client.DELETE('/api/templates/{id}', byId(id))),
  flagRules: () => dataOf(client.GET('/api/flag-rules')),
  changeFlagRule: (flag: FlagName, change: { enabled: boolean; params: FlagRule['params'] }) =>
    dataOf(client.PATCH('/api/flag-rules/{flag}', { params: { path: { flag } }, body: change })),
  caseSettings: () => dataOf(client.GET('/api/settings/cases')),
  changeCaseSettings: (settings: Partial<CaseSettings>) =>
    dataOf(client.PATCH('/api/settings/cases', { body: settings })),
  /** Every version of a kind, newest first, with its cross-validated figures. */
  textModels: (kind: TextModelKind) => dataOf(client.GET('/api/listening/models', { params: { query: { kind } } })),
  /** Trains a reason model on the reasons staff set on cases; refused (422 `too_few_labels`, with the counts) when too few. */
  trainReasonModel: () => dataOf(client.POST('/api/listening/models/train', { body: { kind: 'reason' } })),
  /** Puts any version in use, also an older one (a restore). */
  activateTextModel: (id: string) => dataOf(client.POST('/api/listening/models/{id}/activate', byId(id))),
  changeStaff: (id: string, changes: StaffCaseChanges) =>
    dataOf(client.PATCH('/api/staff/{id}', { ...byId(id), body: changes as RequestBody<'/api/staff/{id}', 'patch'> })),
};
