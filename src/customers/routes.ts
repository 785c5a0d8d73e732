// HTTP routes for customers: search, look-up by identity, the context card, timeline, preferences, flags, merges.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { RapportError } from '../http/errors.ts';
import type { RequestContext } from '../http/context.ts';
import {
  maskIdentityValue,
  normaliseEmail,
  normalisePhone,
  parseExternalRef,
  parseHandleRef,
  type Identity,
} from './identity.ts';
import { parseSearchQuery } from './search-query.ts';
import * as customers from './service.ts';
import { eraseCustomer, exportCustomer } from './privacy.ts';
import { openCasesForCard } from '../cases/index.ts';
import {
  ContextCardSchema,
  CustomerExportSchema,
  CustomerPageSchema,
  ErasureSchema,
  FlagListSchema,
  MergeListSchema,
  MergeSchema,
  PreferenceListSchema,
  TimelinePageSchema,
} from './responses.ts';
import { noContent } from '../http/openapi.ts';

const customerParams = z.object({ id: z.string().min(1).max(100) });
const limit = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback);

async function cardFor(ctx: RequestContext, id: string): Promise<customers.ContextCard> {
  const card = await customers.getContextCard(ctx.db, id, ctx.actor, openCasesForCard);
  return ctx.can('customers:pii') ? card : customers.maskPersonalData(card);
}

function identityFromLookup(
  query: { email?: string; phone?: string; handle?: string; external?: string },
  ctx: RequestContext,
): Identity {
  const given = Object.entries(query).filter(([, value]) => value !== undefined);
  if (given.length !== 1) {
    throw new RapportError('invalid_input', 'Give exactly one of email, phone, handle or external', 400, [
      { field: 'query', reason: 'Exactly one of email, phone, handle (network:handle) or external (system:id)' },
    ]);
  }
  const [field, raw] = given[0] as [string, string];
  const identity =
    field === 'email'
      ? normaliseEmail(raw) && { kind: 'email' as const, value: normaliseEmail(raw)! }
      : field === 'phone'
        ? normalisePhone(raw, ctx.config.defaultCountry) && {
            kind: 'phone' as const,
            value: normalisePhone(raw, ctx.config.defaultCountry)!,
          }
        : field === 'handle'
          ? parseHandleRef(raw)
          : parseExternalRef(raw);
  if (!identity) {
    const expected: Record<string, string> = {
      email: 'an email address',
      phone: 'a phone number (E.164, or national in the default country)',
      handle: 'network:handle, e.g. x:@jane',
      external: 'system:id, e.g. shopify:123',
    };
    throw new RapportError('invalid_input', `${field} must be ${expected[field]}`, 400, [
      { field, reason: `Expected ${expected[field]}` },
    ]);
  }
  return identity;
}

export const customerRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/customers',
    summary: 'Search customers by name or any identity; without q, the most recently seen',
    tags: ['customers'],
    response: CustomerPageSchema,
    auth: 'customers:read',
    query: z.object({ q: z.string().max(200).optional(), limit: limit(20), cursor: z.string().max(200).optional() }),
    handler: async ({ query, ctx }) => {
      const page = query.q?.trim()
        ? await customers.searchCustomers(ctx.db, {
            ...parseSearchQuery(query.q, ctx.config.defaultCountry),
            limit: query.limit,
            cursor: query.cursor,
          })
        : await customers.listRecentCustomers(ctx.db, query.limit, query.cursor);
      if (ctx.can('customers:pii')) return page;
      // Both the search and the recent list: a viewer never sees a full address or number.
      return {
        ...page,
        items: page.items.map((item) => ({
          ...item,
          email: item.email && maskIdentityValue('email', item.email),
          phone: item.phone && maskIdentityValue('phone', item.phone),
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/customers/lookup',
    summary: 'The context card of the customer who owns an identity',
    tags: ['customers'],
    response: ContextCardSchema,
    auth: 'customers:read',
    query: z.object({
      email: z.string().max(254).optional(),
      phone: z.string().max(40).optional(),
      handle: z.string().max(140).optional(),
      external: z.string().max(300).optional(),
    }),
    handler: async ({ query, ctx }) => {
      const id = await customers.findCustomerIdByIdentity(ctx.db, identityFromLookup(query, ctx));
      return cardFor(ctx, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/customers/:id',
    summary: 'The context card: identities, traits, flags, preferences, recent interactions',
    tags: ['customers'],
    response: ContextCardSchema,
    auth: 'customers:read',
    params: customerParams,
    handler: async ({ params, ctx }) => cardFor(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/customers/:id/timeline',
    summary: 'Interactions across channels and departments, newest first, paged by cursor',
    tags: ['customers'],
    response: TimelinePageSchema,
    auth: 'customers:read',
    params: customerParams,
    query: z.object({ limit: limit(20), cursor: z.string().max(200).optional() }),
    handler: async ({ params, query, ctx }) => customers.getTimeline(ctx.db, params.id, query, ctx.actor),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/customers/:id/preferences/:key',
    summary: 'State an explicit preference (source: the staff member, time: now)',
    tags: ['customers'],
    response: PreferenceListSchema,
    auth: 'customers:write',
    params: customerParams.extend({ key: z.string().min(1).max(100) }),
    body: z.object({ value: z.string().min(1).max(1000) }),
    handler: async ({ params, body, ctx }) => ({
      items: await customers.putStatedPreference(ctx.db, params.id, params.key, body.value, ctx.actor),
    }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/customers/:id/preferences/:key',
    summary: 'Remove an explicit preference',
    tags: ['customers'],
    response: noContent,
    auth: 'customers:write',
    params: customerParams.extend({ key: z.string().min(1).max(100) }),
    handler: async ({ params, ctx }) => customers.removeStatedPreference(ctx.db, params.id, params.key, ctx.actor),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/customers/:id/flags/:flag',
    summary: 'Set a flag by hand (vip, past_issues, needs_extra_support, at_risk, or your own)',
    tags: ['customers'],
    response: FlagListSchema,
    auth: 'customers:write',
    params: customerParams.extend({
      flag: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower_snake_case, up to 40 characters'),
    }),
    body: z.object({ reason: z.string().max(500).nullable().default(null) }),
    handler: async ({ params, body, ctx }) => ({
      items: await customers.setFlag(ctx.db, params.id, params.flag, body.reason, ctx.actor),
    }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/customers/:id/flags/:flag',
    summary: 'Clear a flag',
    tags: ['customers'],
    response: noContent,
    auth: 'customers:write',
    params: customerParams.extend({ flag: z.string().min(1).max(40) }),
    handler: async ({ params, ctx }) => customers.clearFlag(ctx.db, params.id, params.flag, ctx.actor),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/customers/:id/merges',
    summary: 'Merges this customer took part in',
    tags: ['customers'],
    response: MergeListSchema,
    auth: 'customers:read',
    params: customerParams,
    handler: async ({ params, ctx }) => ({ items: await customers.listMerges(ctx.db, params.id) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/customers/:id/merges',
    summary: 'Merge another profile into this one by hand',
    tags: ['customers'],
    response: MergeSchema,
    auth: 'customers:merge',
    status: 201,
    params: customerParams,
    body: z.object({ absorbedId: z.string().min(1).max(100) }),
    handler: async ({ params, body, ctx }) => customers.mergeCustomers(ctx.db, params.id, body.absorbedId, ctx.actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/merges/:id/undo',
    summary: 'Undo a merge: the absorbed profile gets its identities, events and preferences back',
    tags: ['customers'],
    response: MergeSchema,
    auth: 'customers:merge',
    params: z.object({ id: z.string().min(1).max(100) }),
    handler: async ({ params, ctx }) => customers.undoCustomerMerge(ctx.db, params.id, ctx.actor),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/customers/:id/export',
    summary: 'Everything held about a customer, as one JSON document (subject access request)',
    tags: ['privacy'],
    response: CustomerExportSchema,
    auth: 'customers:export',
    params: customerParams,
    handler: async ({ params, ctx, reply }) => {
      const data = await exportCustomer(ctx.db, params.id, ctx.actor);
      reply.header('content-disposition', `attachment; filename="${data.customer.id}.json"`);
      return data;
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/customers/:id',
    summary: 'Erase a customer and every profile merged into them (right to erasure)',
    tags: ['privacy'],
    response: ErasureSchema,
    auth: 'customers:erase',
    params: customerParams,
    handler: async ({ params, ctx }) => eraseCustomer(ctx.db, params.id, ctx.actor),
  }),
];
