// Who is acting: carried into services so every read and write of customer data can be audited.

export const ACTOR_KINDS = ['staff', 'write_key', 'cli', 'system'] as const;

export interface Actor {
  kind: (typeof ACTOR_KINDS)[number];
  id: string | null;
  ip?: string | null;
  requestId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null };
export const CLI_ACTOR: Actor = { kind: 'cli', id: null };

/** The columns of an audit entry that say who acted, from where, in which request. */
export function auditActor(actor: Actor) {
  return { actorKind: actor.kind, actorId: actor.id, ip: actor.ip, requestId: actor.requestId };
}
