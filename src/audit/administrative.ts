// The audit entry of an administrative change (staff, write keys, help-desk settings): who did it,
// to what, and with which input, secrets left out. Pure, so the redaction can be tested on its own.
import type { AuditEntry } from './store.ts';
import type { Actor } from '../shared/actor.ts';

const SECRET_KEYS = /password|secret|token/i;

/** A copy of the input with secret values replaced, however deep they sit. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEYS.test(key) && inner != null ? '[redacted]' : redactSecrets(inner),
    ]),
  );
}

/** What was changed: the id in the path, or the id of what the change created. */
function targetOf(params: unknown, result: unknown): string | null {
  for (const source of [params, result]) {
    if (source && typeof source === 'object') {
      const record = source as Record<string, unknown>;
      for (const key of ['id', 'flag']) if (typeof record[key] === 'string') return record[key];
    }
  }
  return null;
}

export function administrativeAuditEntry(
  action: string,
  ctx: { actor: Actor },
  params: unknown,
  body: unknown,
  result: unknown,
): AuditEntry {
  return {
    actorKind: ctx.actor.kind,
    actorId: ctx.actor.id,
    action,
    customerId: null,
    detail: { target: targetOf(params, result), ...(body === undefined ? {} : { input: redactSecrets(body) }) },
    ip: ctx.actor.ip,
    requestId: ctx.actor.requestId,
  };
}
