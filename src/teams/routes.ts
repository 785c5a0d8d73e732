// HTTP routes for how support is organised: teams and their hours, SLA policies, assignment rules,
// case settings, reply templates and flag rules. Managers edit them; every agent can read them.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { RapportError } from '../http/errors.ts';
import { newId } from '../shared/ids.ts';
import type { Db } from '../store/db.ts';
import { businessHoursSchema, holidaysSchema, timezoneSchema, isOpenAt } from '../sla/index.ts';
import { slaTargetsSchema } from '../sla/index.ts';
import * as slaStore from '../sla/store.ts';
import * as teamStore from './store.ts';
import {
  archivePolicy,
  archiveTeam,
  requirePolicyRecord,
  requireTeamRecord,
  restorePolicy,
  restoreTeam,
} from './archive.ts';
import { ruleConditionsSchema } from '../cases/index.ts';
import {
  deleteAssignmentRule,
  findAssignmentRule,
  insertAssignmentRule,
  listAssignmentRules,
  updateAssignmentRule,
} from '../cases/index.ts';
import { caseSettingsSchema, readCaseSettings, writeCaseSettings } from '../cases/index.ts';
import { deleteTemplate, findTemplate, findTemplateByName, listTemplates, upsertTemplate } from '../templates/index.ts';
import { TEMPLATE_VARIABLES, renderTemplate, templateProblems } from '../templates/index.ts';
import { sampleTemplateValues } from '../templates/index.ts';
import { listFlagRules, updateFlagRule } from '../flags/index.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });

const ruleFields = z.object({
  name: z.string().trim().min(1).max(100),
  position: z.number().int().min(0).max(10_000).optional(),
  conditions: ruleConditionsSchema,
  teamId: z.string().min(1).max(100),
  skill: z.string().trim().toLowerCase().min(1).max(50).nullable(),
});

async function requireTeam(db: Db, teamId: string): Promise<void> {
  const team = await teamStore.findTeam(db, teamId);
  if (!team)
    throw new RapportError('invalid_input', `No team ${teamId}`, 400, [{ field: 'teamId', reason: 'Unknown team' }]);
  if (team.archivedAt !== null) {
    throw new RapportError('invalid_input', `Team ${team.name} is archived`, 400, [
      { field: 'teamId', reason: 'Archived team: restore it first' },
    ]);
  }
}

const teamBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    department: z.string().trim().min(1).max(100).nullable().default(null),
    timezone: timezoneSchema.default('UTC'),
    businessHours: businessHoursSchema.default({}),
    holidays: holidaysSchema.default([]),
    slaPolicyId: z.string().min(1).max(100).nullable().default(null),
    autoAssign: z.boolean().default(true),
    isDefault: z.boolean().default(false),
  })
  .strict();

/** A team may keep the archived policy it already has, but not be given one. */
async function requirePolicy(db: Db, id: string | null, current: string | null = null): Promise<void> {
  if (!id) return;
  const policy = await slaStore.findPolicy(db, id);
  if (!policy)
    throw new RapportError('invalid_input', `No SLA policy ${id}`, 400, [
      { field: 'slaPolicyId', reason: 'Unknown SLA policy' },
    ]);
  if (policy.archivedAt !== null && id !== current) {
    throw new RapportError('invalid_input', `SLA policy ${policy.name} is archived`, 400, [
      { field: 'slaPolicyId', reason: 'Archived policy: restore it first' },
    ]);
  }
}

const archivedQuery = z.object({ include: z.enum(['archived']).optional() }).strict();

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function policyView(policy: slaStore.StoredPolicy) {
  return {
    id: policy.id,
    name: policy.name,
    targets: policy.targets,
    businessHoursOnly: policy.businessHoursOnly,
    archivedAt: iso(policy.archivedAt),
  };
}

function teamView(team: teamStore.Team, members?: teamStore.TeamMember[]) {
  return {
    id: team.id,
    name: team.name,
    department: team.department,
    timezone: team.calendar.timezone,
    businessHours: team.calendar.hours,
    holidays: team.calendar.holidays,
    slaPolicyId: team.slaPolicyId,
    autoAssign: team.autoAssign,
    isDefault: team.isDefault,
    archivedAt: iso(team.archivedAt),
    openNow: isOpenAt(Date.now(), team.calendar),
    ...(members ? { members } : {}),
  };
}

function teamOf(id: string, body: z.infer<typeof teamBody>, archivedAt: number | null): teamStore.Team {
  const { timezone, businessHours: hours, holidays, ...rest } = body;
  return { id, ...rest, calendar: { timezone, hours, holidays }, archivedAt };
}

function conflictOnName(error: unknown, what: string): never {
  if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) {
    throw new RapportError('conflict', `A ${what} with that name already exists`, 409, [
      { field: 'name', reason: 'Already taken' },
    ]);
  }
  throw error;
}

const policyBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    targets: slaTargetsSchema,
    businessHoursOnly: z.boolean().default(true),
  })
  .strict();

export const teamRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/teams',
    summary:
      'Teams with their hours, SLA policy and members (with their live case load); ?include=archived lists archived ones too',
    tags: ['teams'],
    auth: 'cases:read',
    query: archivedQuery,
    handler: async ({ query, ctx }) => {
      const teams = await teamStore.listTeams(ctx.db, { includeArchived: query.include === 'archived' });
      return {
        items: await Promise.all(teams.map(async (team) => teamView(team, await teamStore.membersOf(ctx.db, team.id)))),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/teams',
    summary: 'Create a team',
    tags: ['teams'],
    auth: 'settings:manage',
    audit: 'team.created',
    status: 201,
    body: teamBody,
    handler: async ({ body, ctx }) => {
      await requirePolicy(ctx.db, body.slaPolicyId);
      const team = teamOf(newId('team'), body, null);
      await ctx.db.transaction((tx) => teamStore.insertTeam(tx, team)).catch((error) => conflictOnName(error, 'team'));
      return teamView(team);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/teams/:id',
    summary: "Replace a team's settings",
    tags: ['teams'],
    auth: 'settings:manage',
    audit: 'team.changed',
    params: idParams,
    body: teamBody,
    handler: async ({ params, body, ctx }) => {
      const current = await requireTeamRecord(ctx.db, params.id);
      await requirePolicy(ctx.db, body.slaPolicyId, current.slaPolicyId);
      if (body.isDefault && current.archivedAt !== null) {
        throw new RapportError('invalid_input', 'An archived team cannot be the default', 400, [
          { field: 'isDefault', reason: 'Restore the team first' },
        ]);
      }
      const team = teamOf(params.id, body, current.archivedAt);
      await ctx.db.transaction((tx) => teamStore.updateTeam(tx, team)).catch((error) => conflictOnName(error, 'team'));
      return teamView(team);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/teams/:id/archive',
    summary:
      'Archive a team: its members move to the default team; refused while it has cases being worked on or assignment rules',
    tags: ['teams'],
    auth: 'settings:manage',
    audit: 'team.archived',
    params: idParams,
    handler: async ({ params, ctx }) =>
      archiveTeam(ctx.db, params.id, Date.now()).then(({ team, membersMoved }) => ({
        ...teamView(team),
        membersMoved,
      })),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/teams/:id/restore',
    summary: 'Bring an archived team back (without members: add them again)',
    tags: ['teams'],
    auth: 'settings:manage',
    audit: 'team.restored',
    params: idParams,
    handler: async ({ params, ctx }) =>
      restoreTeam(ctx.db, params.id).then(async (team) => teamView(team, await teamStore.membersOf(ctx.db, team.id))),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sla-policies',
    summary: 'SLA policies: first response, next response and resolution targets in minutes per priority',
    tags: ['sla'],
    auth: 'cases:read',
    query: archivedQuery,
    handler: async ({ query, ctx }) => ({
      items: (await slaStore.listPolicies(ctx.db, { includeArchived: query.include === 'archived' })).map(policyView),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sla-policies',
    summary: 'Create an SLA policy',
    tags: ['sla'],
    auth: 'settings:manage',
    audit: 'sla_policy.created',
    status: 201,
    body: policyBody,
    handler: async ({ body, ctx }) => {
      const policy = { id: newId('sla'), ...body };
      await slaStore.insertPolicy(ctx.db, policy).catch((error) => conflictOnName(error, 'policy'));
      return policyView({ ...policy, archivedAt: null });
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/sla-policies/:id',
    summary: 'Replace an SLA policy (cases opened from now on use the new targets)',
    tags: ['sla'],
    auth: 'settings:manage',
    audit: 'sla_policy.changed',
    params: idParams,
    body: policyBody,
    handler: async ({ params, body, ctx }) => {
      const current = await requirePolicyRecord(ctx.db, params.id);
      const policy = { id: params.id, ...body };
      await slaStore.updatePolicy(ctx.db, policy).catch((error) => conflictOnName(error, 'policy'));
      return policyView({ ...policy, archivedAt: current.archivedAt });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sla-policies/:id/archive',
    summary: 'Archive an SLA policy: cases already on it keep their clocks; refused while a team uses it',
    tags: ['sla'],
    auth: 'settings:manage',
    audit: 'sla_policy.archived',
    params: idParams,
    handler: async ({ params, ctx }) => policyView(await archivePolicy(ctx.db, params.id, Date.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sla-policies/:id/restore',
    summary: 'Bring an archived SLA policy back',
    tags: ['sla'],
    auth: 'settings:manage',
    audit: 'sla_policy.restored',
    params: idParams,
    handler: async ({ params, ctx }) => policyView(await restorePolicy(ctx.db, params.id)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/assignment-rules',
    summary: 'Assignment rules in the order they are tried',
    tags: ['teams'],
    auth: 'cases:read',
    handler: async ({ ctx }) => ({ items: await listAssignmentRules(ctx.db) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/assignment-rules',
    summary: 'Add an assignment rule: matching cases go to the team, to a member with the skill',
    tags: ['teams'],
    auth: 'settings:manage',
    audit: 'assignment_rule.created',
    status: 201,
    body: ruleFields
      .extend({
        conditions: ruleConditionsSchema.default({}),
        skill: ruleFields.shape.skill.default(null),
      })
      .strict(),
    handler: async ({ body, ctx }) => {
      await requireTeam(ctx.db, body.teamId);
      const existing = await listAssignmentRules(ctx.db);
      const rule = { id: newId('rule'), ...body, position: body.position ?? existing.length };
      await insertAssignmentRule(ctx.db, rule);
      return rule;
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/assignment-rules/:id',
    summary: 'Change an assignment rule (its name, place in the order, conditions, team or skill); it keeps its id',
    tags: ['teams'],
    auth: 'settings:manage',
    audit: 'assignment_rule.changed',
    params: idParams,
    body: ruleFields
      .partial()
      .strict()
      .refine((body) => Object.keys(body).length > 0, 'Change at least one field'),
    handler: async ({ params, body, ctx }) => {
      const current = await findAssignmentRule(ctx.db, params.id);
      if (!current) throw new RapportError('not_found', `No rule ${params.id}`, 404);
      if (body.teamId !== undefined) await requireTeam(ctx.db, body.teamId);
      const rule = { ...current, ...body };
      await updateAssignmentRule(ctx.db, rule);
      return rule;
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/assignment-rules/:id',
    summary: 'Remove an assignment rule',
    tags: ['teams'],
    auth: 'settings:manage',
    audit: 'assignment_rule.deleted',
    params: idParams,
    handler: async ({ params, ctx }) => {
      if (!(await deleteAssignmentRule(ctx.db, params.id)))
        throw new RapportError('not_found', `No rule ${params.id}`, 404);
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/settings/cases',
    summary: 'Case settings: thread window (hours) and repeat-contact window (days)',
    tags: ['settings'],
    auth: 'cases:read',
    handler: async ({ ctx }) => readCaseSettings(ctx.db),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/settings/cases',
    summary: 'Change the case settings',
    tags: ['settings'],
    auth: 'settings:manage',
    audit: 'case_settings.changed',
    body: caseSettingsSchema.partial(),
    handler: async ({ body, ctx }) => writeCaseSettings(ctx.db, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/templates',
    summary: 'Reply templates, and the variables they may use',
    tags: ['templates'],
    auth: 'cases:read',
    handler: async ({ ctx }) => ({ items: await listTemplates(ctx.db), variables: TEMPLATE_VARIABLES }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/templates',
    summary: 'Create a reply template ({{customer.firstName}}, {{lastOrder.id}}, …)',
    tags: ['templates'],
    auth: 'settings:manage',
    audit: 'template.created',
    status: 201,
    body: z.object({ name: z.string().trim().min(1).max(100), body: z.string().min(1).max(20_000) }).strict(),
    handler: async ({ body, ctx }) => {
      const problems = templateProblems(body.body);
      if (problems.length)
        throw new RapportError(
          'invalid_template',
          problems[0]!,
          400,
          problems.map((reason) => ({ field: 'body', reason })),
        );
      if (await findTemplateByName(ctx.db, body.name))
        conflictOnName(new Error('UNIQUE constraint failed'), 'template');
      const id = newId('tpl');
      await upsertTemplate(ctx.db, { id, name: body.name, body: body.body, createdBy: ctx.staff!.id });
      return findTemplate(ctx.db, id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/templates/preview',
    summary: 'Template text rendered with a sample customer and case, to check it while writing (nothing is saved)',
    tags: ['templates'],
    auth: 'settings:manage',
    body: z.object({ body: z.string().min(1).max(20_000) }).strict(),
    handler: async ({ body, ctx }) => {
      const problems = templateProblems(body.body);
      if (problems.length)
        throw new RapportError(
          'invalid_template',
          problems[0]!,
          400,
          problems.map((reason) => ({ field: 'body', reason })),
        );
      return {
        text: renderTemplate(body.body, sampleTemplateValues({ name: ctx.staff!.name }, ctx.config.companyName)),
      };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/templates/:id',
    summary: 'Replace a reply template',
    tags: ['templates'],
    auth: 'settings:manage',
    audit: 'template.changed',
    params: idParams,
    body: z.object({ name: z.string().trim().min(1).max(100), body: z.string().min(1).max(20_000) }).strict(),
    handler: async ({ params, body, ctx }) => {
      const current = await findTemplate(ctx.db, params.id);
      if (!current) throw new RapportError('not_found', `No template ${params.id}`, 404);
      const problems = templateProblems(body.body);
      if (problems.length)
        throw new RapportError(
          'invalid_template',
          problems[0]!,
          400,
          problems.map((reason) => ({ field: 'body', reason })),
        );
      const clash = await findTemplateByName(ctx.db, body.name);
      if (clash && clash.id !== params.id) conflictOnName(new Error('UNIQUE constraint failed'), 'template');
      await upsertTemplate(ctx.db, { id: params.id, name: body.name, body: body.body, createdBy: current.createdBy });
      return findTemplate(ctx.db, params.id);
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/templates/:id',
    summary: 'Delete a reply template',
    tags: ['templates'],
    auth: 'settings:manage',
    audit: 'template.deleted',
    params: idParams,
    handler: async ({ params, ctx }) => {
      if (!(await deleteTemplate(ctx.db, params.id)))
        throw new RapportError('not_found', `No template ${params.id}`, 404);
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/flag-rules',
    summary: 'The rules that derive customer flags (past issues, needs extra support, VIP)',
    tags: ['flags'],
    auth: 'customers:read',
    handler: async ({ ctx }) => ({ items: await listFlagRules(ctx.db) }),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/flag-rules/:flag',
    summary: 'Turn a flag rule on or off, or change its parameters',
    tags: ['flags'],
    auth: 'settings:manage',
    audit: 'flag_rule.changed',
    params: z.object({ flag: z.string().min(1).max(50) }),
    body: z.object({ enabled: z.boolean().optional(), params: z.record(z.string(), z.unknown()).optional() }).strict(),
    handler: async ({ params, body, ctx }) => updateFlagRule(ctx.db, params.flag, body, ctx.staff!.id),
  }),
];
