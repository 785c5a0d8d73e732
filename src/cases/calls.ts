// A call a person answered is a response in itself; one resolved on the call is resolved on first contact.
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordBreach } from '../sla/index.ts';
import { changeCase } from './service.ts';
import * as store from './store.ts';

export async function recordCallAnswered(
  db: Db,
  caseId: string,
  call: { at: number; agentEmail: string | null; resolved: boolean },
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await store.findCase(tx, caseId);
    if (!current) return;
    const agent = call.agentEmail ? await store.callAgentByEmail(tx, call.agentEmail.toLowerCase()) : undefined;
    if (
      current.firstResponseAt === null &&
      current.firstResponseDueAt !== null &&
      call.at > current.firstResponseDueAt
    ) {
      await recordBreach(tx, current.id, 'first_response', current.firstResponseDueAt, call.at);
    }
    await store.updateCase(
      tx,
      current.id,
      {
        firstResponseAt: current.firstResponseAt ?? call.at,
        lastOutboundAt: Math.max(current.lastOutboundAt ?? 0, call.at),
        nextResponseDueAt: null,
        status: current.status === 'new' ? 'open' : current.status,
        assigneeId: current.assigneeId ?? agent?.id ?? null,
      },
      Date.now(),
    );
    await store.recordCaseEvent(tx, current.id, Date.now(), actor, {
      call: { answeredAt: call.at, agentId: agent?.id ?? null },
    });
    if (call.resolved) await changeCase(tx, current.id, { status: 'resolved' }, actor);
  });
}
