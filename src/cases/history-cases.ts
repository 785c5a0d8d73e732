// A historical message joining its thread's case: it is counted (contacts, last inbound, first-contact
// resolution) but changes no status and starts no clock, since nobody can answer it now.
import type { Db } from '../store/db.ts';
import type { InboundMessage } from './channel-port.ts';
import { isActive, type CaseRecord } from './model.ts';
import * as store from './store.ts';
import { now } from '../shared/clock.ts';

export async function joinHistory(
  tx: Db,
  target: CaseRecord,
  message: InboundMessage,
): Promise<{ kind: 'joined'; record: CaseRecord }> {
  const at = message.occurredAt;
  const changes: Partial<CaseRecord> = {
    contactCount: target.contactCount + 1,
    lastInboundAt: Math.max(target.lastInboundAt ?? 0, at),
  };
  if (!isActive(target.status)) {
    // A case history opened closed is closed at its last activity, and was not settled on first contact.
    if (target.closedAt !== null && at > target.closedAt) changes.closedAt = at;
    if (target.resolvedAt !== null && at > target.resolvedAt) changes.resolvedAt = at;
    if (target.firstContactResolution === true) changes.firstContactResolution = false;
  }
  await store.updateCase(tx, target.id, changes, now());
  return { kind: 'joined', record: { ...target, ...changes } };
}
