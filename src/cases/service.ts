// Reading and changing cases: the detail and the queues, status and assignment changes, SLA breaches.
import type { Db } from '../store/db.ts';
import { auditActor, type Actor } from '../shared/actor.ts';
import { invalidField } from '../shared/errors.ts';
import { caseErrors } from './errors.ts';
import { profilesOf } from '../customers/index.ts';
import { canonicalCustomer } from '../customers/index.ts';
import { recordAudit, recordView } from '../audit/index.ts';
import { breachesOf, overdueClocks, recordBreach } from '../sla/index.ts';
import { gesturesOfCase } from '../gestures/index.ts';
import { toGestureView } from '../gestures/index.ts';
import { refreshRuleFlags, refreshRuleFlagsOf } from '../flags/index.ts';
import { findTeam } from '../teams/index.ts';
import { canMove, isFirstContactResolution, type CasePriority, type CaseRecord, type CaseStatus } from './model.ts';
import { findRepeatOf } from './repeat.ts';
import { markRepeated } from './inbound.ts';
import { readCaseSettings } from './settings.ts';
import { DAY_MS } from '../shared/time.ts';
import { retargetedDueTimes } from './clock.ts';
import { toCaseSummary, toMessageView, type CaseDetail, type CaseSummary } from './view.ts';
import { resolutionClockChanges } from './sla-pause.ts';
import { liveClocksSince } from './history.ts';
import * as store from './store.ts';
import { mergedPartsOf } from './merge-view.ts';
import { relatedCasesOf } from './related-store.ts';

export async function requireCase(db: Db, id: string): Promise<CaseRecord> {
  const found = /^\d+$/.test(id) ? await store.findCaseByNumber(db, Number(id)) : await store.findCase(db, id);
  if (!found) throw caseErrors.error('not_found', `No case ${id}`);
  return found;
}

async function namesOf(db: Db, c: CaseRecord): Promise<{ customer: string | null; assignee: string | null }> {
  return store.namesOf(db, c.customerId, c.assigneeId);
}

export async function summarise(db: Db, c: CaseRecord): Promise<CaseSummary> {
  return toCaseSummary(c, await namesOf(db, c), await breachesOf(db, c.id));
}

export async function getCase(db: Db, id: string, actor: Actor): Promise<CaseDetail> {
  const found = await requireCase(db, id);
  const [summary, messages, gestures, related, history, merged] = await Promise.all([
    summarise(db, found),
    store.messagesOf(db, found.id),
    gesturesOfCase(db, found.id),
    relatedCasesOf(db, found),
    store.caseEventsOf(db, found.id),
    mergedPartsOf(db, found),
  ]);
  await recordView(db, {
    ...auditActor(actor),
    action: 'case.viewed',
    customerId: found.customerId,
    detail: { caseId: found.id },
  });
  return {
    ...summary,
    messages: messages.map(toMessageView),
    gestures: [...gestures, ...merged.gestures].map(toGestureView),
    repeatedBy: related.repeatedByCases.map((repeat) => repeat.id),
    ...related,
    // Cases merged into this one keep their history here too, in time order.
    escalation: latestEscalation(history),
    reasonConfirmed: reasonConfirmedIn(history),
    history: [...history, ...merged.history]
      .sort((a, b) => a.at - b.at)
      .map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
    merge: merged.merge,
  };
}

/** The last raise by an escalation rule in the case's own history (recordEscalation), as the case shows it. */
function latestEscalation(history: Awaited<ReturnType<typeof store.caseEventsOf>>): CaseDetail['escalation'] {
  for (const entry of [...history].reverse()) {
    const escalated = entry.change.escalated as
      | { ruleId: string; rule: string; why: string; heardAt?: number }
      | undefined;
    const priority = entry.change.priority as [CasePriority, CasePriority] | undefined;
    if (escalated && priority) {
      const { heardAt, ...rule } = escalated;
      return { at: new Date(heardAt ?? entry.at).toISOString(), ...rule, priority: priority[1] };
    }
  }
  return null;
}

/** Whether the last word on the case's reason was a staff member's (set, corrected or confirmed), not a guess. */
function reasonConfirmedIn(history: Awaited<ReturnType<typeof store.caseEventsOf>>): boolean {
  const last = history.findLast((entry) => 'reason' in entry.change);
  return last?.actorKind === 'staff';
}

// The queues and the case search are in listing.ts.

/** Active cases whose next SLA clock runs out within `withinMs` (or already has), soonest first. */
export async function listBreachingSoon(
  db: Db,
  withinMs: number,
  limit: number,
  filter: { teamId?: string; assigneeId?: string },
): Promise<CaseSummary[]> {
  const rows = await store.listCasesDueBefore(db, Date.now() + withinMs, limit, filter);
  return Promise.all(rows.map((c) => summarise(db, c)));
}

export interface CaseChanges {
  status?: CaseStatus;
  priority?: CasePriority;
  reason?: string | null;
  assigneeId?: string | null;
  teamId?: string | null;
  tags?: string[];
}

/** Returns the assignee's team, which the case follows unless the change names one. */
async function requireAssignable(db: Db, staffId: string): Promise<string | null> {
  const row = await store.assigneeFacts(db, staffId);
  if (!row || row.disabled_at !== null) {
    throw invalidField('assigneeId', 'Unknown or disabled staff member', `No active staff member ${staffId}`);
  }
  if (row.role === 'viewer') {
    throw invalidField('assigneeId', 'The staff member is a viewer', 'Viewers cannot be assigned cases');
  }
  return row.team_id;
}

export async function changeCase(db: Db, id: string, changes: CaseChanges, actor: Actor): Promise<CaseSummary> {
  return db.transaction(async (tx) => {
    const current = await requireCase(tx, id);
    const now = Date.now();
    const next: Partial<CaseRecord> = {};
    const logged: Record<string, [unknown, unknown]> = {};
    const note = <K extends keyof CaseRecord>(key: K, value: CaseRecord[K]) => {
      if (JSON.stringify(current[key]) === JSON.stringify(value)) return;
      next[key] = value;
      logged[key] = [current[key], value];
    };

    if (changes.status !== undefined && changes.status !== current.status) {
      if (!canMove(current.status, changes.status)) {
        throw caseErrors.error('invalid_transition', `A ${current.status} case cannot become ${changes.status}`, {
          errors: [{ field: 'status', reason: `Allowed from ${current.status}: see the case lifecycle` }],
        });
      }
      note('status', changes.status);
      Object.assign(next, await resolutionClockChanges(tx, current, changes.status, now));
      if (changes.status === 'resolved') {
        next.resolvedAt = now;
        next.firstContactResolution = isFirstContactResolution(current, await store.hasRepeatContact(tx, current.id));
        const resolutionDueAt = next.resolutionDueAt ?? current.resolutionDueAt;
        if (resolutionDueAt !== null && now > resolutionDueAt)
          await recordBreach(tx, current.id, 'resolution', resolutionDueAt, now);
      }
      if (changes.status === 'closed') next.closedAt = now;
      if (current.status === 'resolved' && changes.status === 'open') {
        next.reopenCount = current.reopenCount + 1;
        next.resolvedAt = null;
        next.firstContactResolution = null;
      }
    }
    if (changes.assigneeId !== undefined) {
      const assigneeTeam = changes.assigneeId !== null ? await requireAssignable(tx, changes.assigneeId) : null;
      note('assigneeId', changes.assigneeId);
      // Handing a case to a colleague in billing hands it to billing: its queue, hours and SLA follow her.
      if (assigneeTeam !== null && changes.teamId === undefined && assigneeTeam !== current.teamId)
        changes = { ...changes, teamId: assigneeTeam };
    }
    if (changes.teamId !== undefined) {
      if (changes.teamId !== null && changes.teamId !== current.teamId) {
        const team = await findTeam(tx, changes.teamId);
        if (!team) throw invalidField('teamId', 'Unknown team', `No team ${changes.teamId}`);
        if (team.archivedAt !== null) {
          throw invalidField('teamId', 'Archived team: choose another', `Team ${team.name} is archived`);
        }
      }
      note('teamId', changes.teamId);
    }
    if (changes.tags !== undefined)
      note('tags', [...new Set(changes.tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))].sort());
    if (changes.priority !== undefined && changes.priority !== current.priority) note('priority', changes.priority);
    if ('priority' in next || 'teamId' in next) {
      Object.assign(
        next,
        await retargetedDueTimes(tx, current, {
          priority: next.priority ?? current.priority,
          teamId: next.teamId ?? current.teamId,
        }),
      );
    }
    if (changes.reason !== undefined) {
      note('reason', changes.reason);
      if (changes.reason && current.repeatOf === null) {
        const settings = await readCaseSettings(tx);
        const profiles = await profilesOf(
          tx,
          (await canonicalCustomer(tx, current.customerId))?.id ?? current.customerId,
        );
        const earlier = await store.recentCasesOf(tx, profiles, current.openedAt - settings.repeatWindowDays * DAY_MS);
        const repeatOf = findRepeatOf(
          { id: current.id, reason: changes.reason, openedAt: current.openedAt },
          earlier,
          settings.repeatWindowDays * DAY_MS,
        );
        if (repeatOf) {
          note('repeatOf', repeatOf);
          await markRepeated(tx, repeatOf);
        }
      }
    }
    // A staff member naming the reason the case already has confirms a guess: a label to train on (labels-store.ts).
    if (changes.reason && changes.reason === current.reason && actor.kind === 'staff' && !('reason' in logged))
      logged.reason = [current.reason, current.reason];
    if (Object.keys(logged).length === 0) return summarise(tx, current);
    if (Object.keys(next).length > 0) await store.updateCase(tx, current.id, next, now);
    await store.recordCaseEvent(tx, current.id, now, actor, logged);
    await recordAudit(tx, {
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'case.changed',
      customerId: current.customerId,
      detail: { caseId: current.id, changes: logged },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    if ('status' in logged || 'repeatOf' in logged) await refreshRuleFlags(tx, current.customerId, now);
    return summarise(tx, { ...current, ...next, updatedAt: now });
  });
}

/**
 * Records every SLA clock that ran out while its case was still being worked on. A clock that ran out
 * before the history horizon (cases/history.ts) is history, not an alert: it is left unrecorded.
 */
export async function sweepBreaches(db: Db, now = Date.now()): Promise<number> {
  return db.transaction(async (tx) => {
    let recorded = 0;
    const breached = new Set<string>();
    for (const clock of await overdueClocks(tx, now, liveClocksSince(now))) {
      if (!(await recordBreach(tx, clock.caseId, clock.metric, clock.dueAt, now))) continue;
      recorded++;
      breached.add(clock.caseId);
    }
    // A customer we keep waiting may now be at risk.
    if (breached.size) await refreshRuleFlagsOf(tx, await store.customersOfCases(tx, [...breached]), now, ['at_risk']);
    return recorded;
  });
}
