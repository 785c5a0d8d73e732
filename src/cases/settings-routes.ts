// HTTP routes for the case settings (thread window, repeat-contact window, auto-close delay).
import { defineRoute } from '../http/route.ts';
import { caseSettingsSchema, readCaseSettings, writeCaseSettings } from './settings.ts';
import { CaseSettingsSchema } from './responses.ts';

export const caseSettingsRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/settings/cases',
    summary: 'Case settings: thread window (hours) and repeat-contact window (days)',
    tags: ['settings'],
    response: CaseSettingsSchema,
    auth: 'cases:read',
    handler: async ({ ctx }) => readCaseSettings(ctx.db),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/settings/cases',
    summary: 'Change the case settings',
    tags: ['settings'],
    response: CaseSettingsSchema,
    auth: 'settings:manage',
    audit: 'case_settings.changed',
    body: caseSettingsSchema.partial(),
    handler: async ({ body, ctx }) => writeCaseSettings(ctx.db, body),
  }),
];
