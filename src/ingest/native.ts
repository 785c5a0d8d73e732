// The native interaction format (POST /api/interactions, and each row of a CLI import):
// its schema, with identities normalised as they are validated, and its mapping to an IncomingEvent.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js';
import {
  normaliseEmail,
  normaliseHandle,
  normaliseNetwork,
  normaliseOpaqueId,
  normalisePhone,
  normaliseSystem,
  type Identity,
} from '../customers/index.ts';
import { CHANNELS, DIRECTIONS, type IncomingEvent } from '../interactions/index.ts';

const json = z.record(z.string(), z.unknown());
const SYSTEM = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

function customerSchema(defaultCountry: CountryCode) {
  return z
    .object({
      id: z.string().trim().min(1).max(100).optional(),
      email: z
        .string()
        .max(254)
        .transform((raw, ctx) => {
          const email = normaliseEmail(raw);
          if (email !== null) return email;
          ctx.addIssue({ code: 'custom', message: `Not an email address: ${raw}` });
          return z.NEVER;
        })
        .optional(),
      phone: z
        .string()
        .max(40)
        .transform((raw, ctx) => {
          const phone = normalisePhone(raw, defaultCountry);
          if (phone !== null) return phone;
          ctx.addIssue({ code: 'custom', message: `Not a valid phone number: ${raw} (use +countrycode…)` });
          return z.NEVER;
        })
        .optional(),
      handles: z
        .record(
          z
            .string()
            .refine(
              (network) => normaliseNetwork(network) !== null,
              'Network names are lower-case letters, digits, _ or -',
            ),
          z
            .string()
            .refine((handle) => normaliseHandle(handle) !== null, 'A handle has no spaces and at most 100 characters'),
        )
        .optional(),
      externalIds: z
        .record(
          z
            .string()
            .refine(
              (system) => normaliseSystem(system) !== null,
              'System names are lower-case letters, digits, ".", "_" or "-"',
            ),
          z
            .union([z.string(), z.number()])
            .refine((id) => normaliseOpaqueId(id) !== null, 'An id has 1 to 200 characters'),
        )
        .optional(),
      anonymousId: z.string().trim().min(1).max(200).optional(),
      name: z.string().trim().min(1).max(200).optional(),
      traits: json.optional(),
    })
    .refine(
      (customer) =>
        Boolean(
          customer.id ||
            customer.email ||
            customer.phone ||
            customer.anonymousId ||
            hasEntries(customer.handles) ||
            hasEntries(customer.externalIds),
        ),
      {
        message: 'Name the customer: id, email, phone, handles, externalIds or anonymousId',
      },
    );
}

function hasEntries(record: Record<string, unknown> | undefined): boolean {
  return record !== undefined && Object.keys(record).length > 0;
}

export function nativeInteractionSchema(defaultCountry: CountryCode) {
  return z.object({
    customer: customerSchema(defaultCountry),
    channel: z.enum(CHANNELS),
    direction: z.enum(DIRECTIONS).default('inbound'),
    type: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,49}$/, 'lower_snake_case, e.g. message, call, purchase')
      .default('message'),
    event: z.string().trim().min(1).max(200).optional(),
    department: z.string().trim().toLowerCase().min(1).max(100).optional(),
    actor: z.string().trim().min(1).max(200).optional(),
    text: z.string().max(50_000).optional(),
    properties: json.default({}),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    source: z.string().regex(SYSTEM, 'lower-case letters, digits, ".", "_" or "-"').default('api'),
    sourceId: z
      .union([z.string().trim().min(1).max(200), z.number().int()])
      .transform(String)
      .optional(),
    preferences: z.record(z.string().min(1).max(100), z.string().max(1000)).optional(),
    /** History (an import of closed tickets, a past feed): on the timeline and in the numbers, never a live case. */
    historical: z.boolean().optional(),
  });
}

export type NativeInteraction = z.infer<ReturnType<typeof nativeInteractionSchema>>;

export function nativeBatchSchema(defaultCountry: CountryCode) {
  return z.object({
    interactions: z.array(nativeInteractionSchema(defaultCountry)).min(1, 'Send at least one interaction').max(1000),
  });
}

/** Without a sourceId the interaction's own content is its idempotency key. */
function contentKey(item: NativeInteraction): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(item)).digest('hex').slice(0, 40)}`;
}

export function mapNativeInteraction(item: NativeInteraction, receivedAt: number): IncomingEvent {
  const customer = item.customer;
  const identities: Identity[] = [];
  if (customer.email) identities.push({ kind: 'email', value: customer.email });
  if (customer.phone) identities.push({ kind: 'phone', value: customer.phone });
  for (const [network, handle] of Object.entries(customer.handles ?? {})) {
    identities.push({ kind: `handle:${normaliseNetwork(network)!}`, value: normaliseHandle(handle)! });
  }
  for (const [system, id] of Object.entries(customer.externalIds ?? {})) {
    identities.push({ kind: `external:${normaliseSystem(system)!}`, value: normaliseOpaqueId(id)! });
  }
  if (customer.anonymousId) identities.push({ kind: 'anonymous', value: customer.anonymousId });
  return {
    source: item.source,
    sourceId: item.sourceId ?? contentKey(item),
    identities,
    customerId: customer.id,
    name: customer.name ?? null,
    traits: customer.traits,
    explicitPreferences: Object.entries(item.preferences ?? {}).map(([key, value]) => ({ key, value })),
    occurredAt: item.occurredAt ? Date.parse(item.occurredAt) : receivedAt,
    channel: item.channel,
    direction: item.direction,
    type: item.type,
    event: item.event ?? null,
    department: item.department ?? null,
    actor: item.actor ?? (item.direction === 'inbound' ? 'customer' : null),
    text: item.text ?? null,
    // Kept with the interaction, so the timeline shows it and the case engine reads it (ingest/conversations.ts).
    properties: item.historical ? { ...item.properties, historical: true } : item.properties,
    context: null,
  };
}
