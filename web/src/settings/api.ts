// The help-desk settings endpoints: teams, SLA policies, assignment rules, reply templates, flag rules,
// case settings, and how a staff member takes cases. (Listing templates is `api.templates`, which agents use too.)
import { request } from '../api.ts';
import type { ReplyTemplate, StaffMember } from '../types.ts';
import type {
  AssignmentRule,
  AssignmentRuleInput,
  CaseSettings,
  FlagName,
  FlagRule,
  SlaPolicy,
  SlaPolicyInput,
  StaffCaseChanges,
  TeamInput,
  TeamSettings,
  TemplateInput,
} from './types.ts';

const at = (collection: string, id: string) => `${collection}/${encodeURIComponent(id)}`;

export const settingsApi = {
  teams: () => request<{ items: TeamSettings[] }>('/api/teams'),
  createTeam: (team: TeamInput) => request<TeamSettings>('/api/teams', { method: 'POST', body: team }),
  replaceTeam: (id: string, team: TeamInput) => request<TeamSettings>(at('/api/teams', id), { method: 'PUT', body: team }),
  slaPolicies: () => request<{ items: SlaPolicy[] }>('/api/sla-policies'),
  createSlaPolicy: (policy: SlaPolicyInput) => request<SlaPolicy>('/api/sla-policies', { method: 'POST', body: policy }),
  replaceSlaPolicy: (id: string, policy: SlaPolicyInput) => request<SlaPolicy>(at('/api/sla-policies', id), { method: 'PUT', body: policy }),
  /** In the order they are tried. */
  assignmentRules: () => request<{ items: AssignmentRule[] }>('/api/assignment-rules'),
  createAssignmentRule: (rule: AssignmentRuleInput) => request<AssignmentRule>('/api/assignment-rules', { method: 'POST', body: rule }),
  deleteAssignmentRule: (id: string) => request<void>(at('/api/assignment-rules', id), { method: 'DELETE' }),
  changeAssignmentRule: (id: string, change: Partial<AssignmentRuleInput>) =>
    request<AssignmentRule>(at('/api/assignment-rules', id), { method: 'PATCH', body: change }),
  createTemplate: (template: TemplateInput) => request<ReplyTemplate>('/api/templates', { method: 'POST', body: template }),
  replaceTemplate: (id: string, template: TemplateInput) => request<ReplyTemplate>(at('/api/templates', id), { method: 'PUT', body: template }),
  previewTemplate: (body: string) => request<{ text: string }>('/api/templates/preview', { method: 'POST', body: { body } }),
  deleteTemplate: (id: string) => request<void>(at('/api/templates', id), { method: 'DELETE' }),
  flagRules: () => request<{ items: FlagRule[] }>('/api/flag-rules'),
  changeFlagRule: (flag: FlagName, change: { enabled: boolean; params: FlagRule['params'] }) =>
    request<FlagRule>(at('/api/flag-rules', flag), { method: 'PATCH', body: change }),
  caseSettings: () => request<CaseSettings>('/api/settings/cases'),
  changeCaseSettings: (settings: Partial<CaseSettings>) => request<CaseSettings>('/api/settings/cases', { method: 'PATCH', body: settings }),
  changeStaff: (id: string, changes: StaffCaseChanges) => request<StaffMember>(at('/api/staff', id), { method: 'PATCH', body: changes }),
};
