// HTTP routes for reply templates: every agent can read them and the variables they may use; managers
// write them, with a preview to check one while writing.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import {
  createTemplate,
  listTemplatesAndVariables,
  previewTemplate,
  removeTemplate,
  replaceTemplate,
} from './service.ts';
import { ReplyTemplateListSchema, ReplyTemplateSchema, TemplatePreviewSchema } from './responses.ts';
import { noContent } from '../http/openapi.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
const templateBody = z
  .object({ name: z.string().trim().min(1).max(100), body: z.string().min(1).max(20_000) })
  .strict();

export const templateRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/templates',
    summary: 'Reply templates, and the variables they may use',
    tags: ['templates'],
    response: ReplyTemplateListSchema,
    auth: 'cases:read',
    handler: async ({ ctx }) => listTemplatesAndVariables(ctx.db),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/templates',
    summary: 'Create a reply template ({{customer.firstName}}, {{lastOrder.id}}, …)',
    tags: ['templates'],
    response: ReplyTemplateSchema,
    auth: 'settings:manage',
    audit: 'template.created',
    status: 201,
    body: templateBody,
    handler: async ({ body, ctx }) => createTemplate(ctx.db, body, ctx.staff!.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/templates/preview',
    summary: 'Template text rendered with a sample customer and case, to check it while writing (nothing is saved)',
    tags: ['templates'],
    response: TemplatePreviewSchema,
    auth: 'settings:manage',
    body: z.object({ body: z.string().min(1).max(20_000) }).strict(),
    handler: async ({ body, ctx }) => previewTemplate(body.body, { name: ctx.staff!.name }, ctx.config.companyName),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/templates/:id',
    summary: 'Replace a reply template',
    tags: ['templates'],
    response: ReplyTemplateSchema,
    auth: 'settings:manage',
    audit: 'template.changed',
    params: idParams,
    body: templateBody,
    handler: async ({ params, body, ctx }) => replaceTemplate(ctx.db, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/templates/:id',
    summary: 'Delete a reply template',
    tags: ['templates'],
    response: noContent,
    auth: 'settings:manage',
    audit: 'template.deleted',
    params: idParams,
    handler: async ({ params, ctx }) => removeTemplate(ctx.db, params.id),
  }),
];
