// A finished call as a telephony system reports it (IVR path, wait, transfers, duration, outcome),
// turned into a message for the case engine. Pure.
import { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js';
import { normalisePhone } from '../../customers/index.ts';
import { CASE_PRIORITIES } from '../../shared/priority.ts';
import type { InboundMessage } from '../model.ts';

export const CALL_OUTCOMES = ['answered', 'resolved', 'abandoned', 'voicemail', 'missed'] as const;

const when = z
  .union([z.iso.datetime({ offset: true }), z.number().int().min(0)])
  .transform((value) => (typeof value === 'number' ? value : Date.parse(value)));

export const callEventSchema = z
  .object({
    callId: z.string().trim().min(1).max(200),
    from: z.string().trim().min(3).max(40),
    to: z.string().trim().max(40).optional(),
    startedAt: when,
    answeredAt: when.optional(),
    ivrPath: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
    waitSeconds: z.number().min(0).max(86_400).default(0),
    durationSeconds: z.number().min(0).max(86_400).default(0),
    transfers: z
      .array(z.object({ to: z.string().trim().min(1).max(200), at: when.optional() }).strict())
      .max(50)
      .default([]),
    outcome: z.enum(CALL_OUTCOMES),
    agentEmail: z.email().optional(),
    summary: z.string().trim().max(10_000).optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
    department: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type CallEvent = z.infer<typeof callEventSchema>;

function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}

/** "billing > Refund Status" → "refund_status": the last IVR choice is the caller's reason. */
export function reasonFromIvr(path: readonly string[]): string | null {
  const last = path[path.length - 1];
  if (!last) return null;
  const slug = last
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return slug || null;
}

export function describeCall(call: CallEvent): string {
  // Not the number: it is an identity on her profile, shown masked to roles that may not see it,
  // while this text (the case subject, the timeline) is read by everyone.
  const parts = ['Phone call'];
  if (call.ivrPath.length) parts.push(`IVR: ${call.ivrPath.join(' > ')}`);
  parts.push(`waited ${duration(call.waitSeconds)}`);
  if (call.transfers.length) parts.push(`${call.transfers.length} transfer${call.transfers.length > 1 ? 's' : ''}`);
  parts.push(`${call.outcome}${call.durationSeconds ? `, ${duration(call.durationSeconds)}` : ''}`);
  return `${parts.join(' · ')}${call.summary ? `\n${call.summary}` : ''}`;
}

export function callToMessage(call: CallEvent, defaultCountry: CountryCode): InboundMessage | { error: string } {
  const phone = normalisePhone(call.from, defaultCountry);
  if (!phone) return { error: 'from: not a valid phone number (E.164, or national in the default country)' };
  return {
    channel: 'phone',
    source: 'phone',
    externalId: call.callId,
    threadRefs: [],
    from: { identities: [{ kind: 'phone', value: phone }] },
    text: describeCall(call),
    occurredAt: call.startedAt,
    kind: 'call',
    reason: reasonFromIvr(call.ivrPath),
    priority: call.priority,
    department: call.department ?? null,
    properties: {
      callId: call.callId,
      to: call.to ?? null,
      ivrPath: call.ivrPath,
      waitSeconds: call.waitSeconds,
      durationSeconds: call.durationSeconds,
      transfers: call.transfers,
      outcome: call.outcome,
      agentEmail: call.agentEmail ?? null,
    },
  };
}
