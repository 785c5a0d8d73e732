// The contact form's live data: who is on duty for the case, and how fast we have been answering.
import { createHash } from 'node:crypto';
import type { Db } from '../../store/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { receiveMessage, type ReceivedMessage } from '../../cases/index.ts';
import { findTeam, findDefaultTeam, membersOf, type Team } from '../../teams/index.ts';
import { findPolicy } from '../../sla/index.ts';
import { ALWAYS_OPEN, businessMillisBetween, isOpenAt } from '../../sla/index.ts';
import { replyPromise, typicalReply, type ReplyPromise } from './model.ts';
import { DAY_MS } from '../../shared/time.ts';
import { answeredCasesSince, caseHolderOf } from './store.ts';

export interface ContactSubmission {
  name: string;
  email: string;
  message: string;
}

const RECENT_CASES = 500;

/** The same person sending the same words on the same day (a double click, a reload) is one message. */
export function submissionId(submission: ContactSubmission, now: number): string {
  const day = Math.floor(now / DAY_MS);
  return createHash('sha256')
    .update(`${submission.email.toLowerCase()}\n${submission.message.trim()}\n${day}`)
    .digest('hex')
    .slice(0, 32);
}

export async function submitContactForm(
  db: Db,
  submission: ContactSubmission,
  actor: Actor,
  now = Date.now(),
): Promise<ReceivedMessage> {
  return receiveMessage(
    db,
    {
      channel: 'web_form',
      source: 'web_form',
      externalId: submissionId(submission, now),
      threadRefs: [],
      from: { identities: [{ kind: 'email', value: submission.email.toLowerCase() }], name: submission.name },
      subject: null,
      text: submission.message,
      occurredAt: now,
      properties: { form: 'contact' },
    },
    actor,
  );
}

/**
 * Business minutes from opening to first response of the team's most recent answered cases (last 30
 * days, at most 500): the sample the typical reply time comes from, in the team's own opening hours.
 */
export async function recentFirstResponseMinutes(db: Db, team: Team | undefined, now: number): Promise<number[]> {
  const rows = await answeredCasesSince(db, now - 30 * DAY_MS, team?.id ?? null, RECENT_CASES);
  const calendar = team?.calendar ?? ALWAYS_OPEN;
  return rows.map((row) => businessMillisBetween(row.openedAt, row.firstResponseAt, calendar) / 60_000);
}

export interface ThankYouFacts {
  onDuty: { name: string; team: string | null } | null;
  promise: ReplyPromise;
}

export async function thankYouFacts(db: Db, caseId: string, now = Date.now()): Promise<ThankYouFacts> {
  const found = await caseHolderOf(db, caseId);
  const team = (found?.teamId ? await findTeam(db, found.teamId) : undefined) ?? (await findDefaultTeam(db));
  let onDuty: ThankYouFacts['onDuty'] = null;
  if (found?.assigneeId) {
    if (found.assigneeName !== null) onDuty = { name: found.assigneeName, team: team?.name ?? null };
  } else if (team && isOpenAt(now, team.calendar)) {
    // Nobody has it yet: name the person who will most likely pick it up (available, least busy).
    const members = (await membersOf(db, team.id)).filter(
      (m) => m.available && (m.role === 'agent' || m.role === 'manager'),
    );
    members.sort((a, b) => a.load - b.load);
    if (members[0]) onDuty = { name: members[0].name, team: team.name };
  }
  const policy = team?.slaPolicyId ? await findPolicy(db, team.slaPolicyId) : undefined;
  const calendar = team?.calendar ?? ALWAYS_OPEN;
  const typical = typicalReply(
    await recentFirstResponseMinutes(db, team, now),
    policy?.targets.normal?.firstResponse ?? null,
    calendar,
  );
  const promise = replyPromise(now, typical, calendar);
  return { onDuty, promise };
}
