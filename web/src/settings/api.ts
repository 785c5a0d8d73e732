// The help-desk settings endpoints: teams, SLA policies, assignment rules, reply templates, flag rules,
// case settings, and how a staff member takes cases. (Listing templates is `api.templates`, which agents use too.)
// Teams and SLA policies are archived rather than deleted, so cases that ran on them keep their history.
import { request } from '../api.ts';
import type { ReplyTemplate, StaffMember } from '../types.ts';
import type {
  ArchivedTeam,
  AssignmentRule,
  AssignmentRuleInput,
  CaseSettings,
  FlagName,
  FlagRule,
  ListOptions,
  SlaPolicy,
  SlaPolicyInput,
  StaffCaseChanges,
  TeamInput,
  TeamSettings,
  TemplateInput,
} from './types.ts';

const at = (collection: string, id: string) => `${collection}/${encodeURIComponent(id)}`;

/** The server leaves archived teams and policies out of its lists unless asked. */
const listOf = (collection: string, { includeArchived = false }: ListOptions = {}) =>
  includeArchived ? `${collection}?include=archived` : collection;

export const settingsApi = {
  teams: (options?: ListOptions) => request<{ items: TeamSettings[] }>(listOf('/api/teams', options)),
  createTeam: (team: TeamInput) => request<TeamSettings>('/api/teams', { method: 'POST', body: team }),
  replaceTeam: (id: string, team: TeamInput) =>
    request<TeamSettings>(at('/api/teams', id), { method: 'PUT', body: team }),
  /** Refused (409 `team_in_use`, one reason per obstacle) for the default team, or while cases or assignment rules need it. */
  archiveTeam: (id: string) => request<ArchivedTeam>(`${at('/api/teams', id)}/archive`, { method: 'POST' }),
  /** Comes back without members; refused (409 `policy_archived`) while its SLA policy is archived. */
  restoreTeam: (id: string) => request<TeamSettings>(`${at('/api/teams', id)}/restore`, { method: 'POST' }),
  slaPolicies: (options?: ListOptions) => request<{ items: SlaPolicy[] }>(listOf('/api/sla-policies', options)),
  createSlaPolicy: (policy: SlaPolicyInput) =>
    request<SlaPolicy>('/api/sla-policies', { method: 'POST', body: policy }),
  replaceSlaPolicy: (id: string, policy: SlaPolicyInput) =>
    request<SlaPolicy>(at('/api/sla-policies', id), { method: 'PUT', body: policy }),
  /** Refused (409 `policy_in_use`, one reason per team) while an active team runs on it. */
  archiveSlaPolicy: (id: string) => request<SlaPolicy>(`${at('/api/sla-policies', id)}/archive`, { method: 'POST' }),
  restoreSlaPolicy: (id: string) => request<SlaPolicy>(`${at('/api/sla-policies', id)}/restore`, { method: 'POST' }),
  /** In the order they are tried. */
  assignmentRules: () => request<{ items: AssignmentRule[] }>('/api/assignment-rules'),
  createAssignmentRule: (rule: AssignmentRuleInput) =>
    request<AssignmentRule>('/api/assignment-rules', { method: 'POST', body: rule }),
  deleteAssignmentRule: (id: string) => request<void>(at('/api/assignment-rules', id), { method: 'DELETE' }),
  changeAssignmentRule: (id: string, change: Partial<AssignmentRuleInput>) =>
    request<AssignmentRule>(at('/api/assignment-rules', id), { method: 'PATCH', body: change }),
  createTemplate: (template: TemplateInput) =>
    request<ReplyTemplate>('/api/templates', { method: 'POST', body: template }),
  replaceTemplate: (id: string, template: TemplateInput) =>
    request<ReplyTemplate>(at('/api/templates', id), { method: 'PUT', body: template }),
  previewTemplate: (body: string) =>
    request<{ text: string }>('/api/templates/preview', { method: 'POST', body: { body } }),
  deleteTemplate: (id: string) => request<void>(at('/api/templates', id), { method: 'DELETE' }),
  flagRules: () => request<{ items: FlagRule[] }>('/api/flag-rules'),
  changeFlagRule: (flag: FlagName, change: { enabled: boolean; params: FlagRule['params'] }) =>
    request<FlagRule>(at('/api/flag-rules', flag), { method: 'PATCH', body: change }),
  caseSettings: () => request<CaseSettings>('/api/settings/cases'),
  changeCaseSettings: (settings: Partial<CaseSettings>) =>
    request<CaseSettings>('/api/settings/cases', { method: 'PATCH', body: settings }),
  changeStaff: (id: string, changes: StaffCaseChanges) =>
    request<StaffMember>(at('/api/staff', id), { method: 'PATCH', body: changes }),
};
