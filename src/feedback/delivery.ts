// Surveys sent by their triggers: after a case is resolved (the CSAT that ships switched on), each customer is
// invited once per case; N days after an event she did (`Order Completed`), once per occurrence; every N days to a
// segment (the holders of a flag, or everyone); never within her quiet period, and only with an email address. Invitations are
// queued first and emailed after, with growing waits when the mail server refuses, so a mail outage delays a
// survey but never loses it. The link is minted as the mail goes, so none waits in the database.
import type { Db } from '../store/db.ts';
import type { Mailer } from '../shared/mail.ts';
import { DAY_MS } from '../shared/time.ts';
import { hashSecret, newId, newSecret } from '../shared/ids.ts';
import { readSetting, writeSetting } from '../store/settings.ts';
import { canonicalCustomer, customersWithEmailAfter, profilesOf } from '../customers/index.ts';
import { holdersOf } from '../flags/index.ts';
import { eventsBetween } from '../interactions/index.ts';
import { addressFor, casesResolvedBetween, findCase } from '../cases/index.ts';
import { outsideQuietPeriod, type Survey } from './survey-model.ts';
import { invitationMail } from './mail.ts';
import { surveyLink } from './service.ts';
import * as store from './store.ts';

const SWEPT_THROUGH = 'feedback.resolvedSweptThrough';
const CASES_A_SWEEP = 500;
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];

/**
 * Queues the surveys triggered by cases resolved since the last look. The first look only marks where it starts:
 * what was resolved before (an import of history, the days before an upgrade) is not news to survey anyone about.
 */
export async function inviteAfterResolution(db: Db, now = Date.now()): Promise<number> {
  return db.transaction(async (tx) => {
    const sweptThrough = (await readSetting(tx, SWEPT_THROUGH)) as number | undefined;
    if (sweptThrough === undefined) {
      await writeSetting(tx, SWEPT_THROUGH, now);
      return 0;
    }
    const surveys = await store.activeSurveysTriggeredBy(tx, 'case_resolved');
    const resolved = surveys.length ? await casesResolvedBetween(tx, sweptThrough, now, CASES_A_SWEEP) : [];
    let queued = 0;
    for (const resolvedCase of resolved) {
      for (const survey of surveys) {
        // Once per case, whoever asked: a link an agent put in a reply on it is her survey about it.
        if (await store.invitedAboutCase(tx, resolvedCase.id)) continue;
        if (await queueInvitation(tx, survey, resolvedCase.customerId, resolvedCase.id, now)) queued++;
      }
    }
    // A full page may have more resolved at the same time: the next look starts where this one stopped.
    const through = resolved.length === CASES_A_SWEEP ? resolved.at(-1)!.resolvedAt - 1 : now;
    await writeSetting(tx, SWEPT_THROUGH, Math.max(sweptThrough, through));
    return queued;
  });
}

/**
 * Queues an invitation for the customer (as she is now, after merges) unless she is erased, has no email address,
 * or is in her quiet period. True when one was queued.
 */
async function queueInvitation(
  tx: Db,
  survey: Survey,
  customerId: string,
  caseId: string | null,
  now: number,
): Promise<boolean> {
  const customer = await canonicalCustomer(tx, customerId);
  if (!customer || customer.erased_at !== null) return false;
  if (!(await addressFor(tx, customer.id, 'email'))) return false;
  if (!outsideQuietPeriod(survey.quietDays, await store.lastInvitedAt(tx, await profilesOf(tx, customer.id)), now))
    return false;
  await store.insertInvitation(
    tx,
    {
      id: newId('inv'),
      surveyId: survey.id,
      customerId: customer.id,
      caseId,
      origin: 'trigger',
      sentAt: now,
      expiresAt: now + survey.linkValidDays * DAY_MS,
    },
    // A placeholder nobody knows: the link is minted when the mail goes.
    hashSecret(newSecret('sv')),
    'queued',
  );
  return true;
}

const EVENTS_A_SWEEP = 500;

/**
 * Queues the surveys sent N days after an event, for the events that reached their N days since the last look. Only
 * events after the survey was created count: a survey defined today does not reach back to last year's orders.
 */
export async function inviteAfterEvents(db: Db, now = Date.now()): Promise<number> {
  return db.transaction(async (tx) => {
    let queued = 0;
    for (const survey of await store.activeSurveysTriggeredBy(tx, 'event')) {
      if (survey.trigger.on !== 'event') continue;
      const key = `feedback.eventSweptThrough.${survey.id}`;
      const through = now - survey.trigger.afterDays * DAY_MS;
      const after = Math.max(((await readSetting(tx, key)) as number | undefined) ?? 0, survey.createdAt);
      if (through <= after) continue;
      const events = await eventsBetween(tx, survey.trigger.event, after, through, EVENTS_A_SWEEP);
      for (const event of events) {
        if (await queueInvitation(tx, survey, event.customerId, null, now)) queued++;
      }
      // A full page may have more at the same time: the next look starts where this one stopped.
      const reached = events.length === EVENTS_A_SWEEP ? events.at(-1)!.occurredAt - 1 : through;
      await writeSetting(tx, key, Math.max(after, reached));
    }
    return queued;
  });
}

const CUSTOMERS_A_SWEEP = 500;

interface Round {
  startedAt: number;
  /** The last customer id invited or passed over in this round; null once the round has reached everyone. */
  after: string | null;
}

/**
 * Periodic surveys (a relationship NPS every 90 days to the VIPs): each round walks the segment a page a look, so
 * a large segment is invited over a few minutes rather than in one long write; the quiet period still applies.
 */
export async function inviteOnSchedule(db: Db, now = Date.now()): Promise<number> {
  return db.transaction(async (tx) => {
    let queued = 0;
    for (const survey of await store.activeSurveysTriggeredBy(tx, 'periodic')) {
      if (survey.trigger.on !== 'periodic') continue;
      const key = `feedback.round.${survey.id}`;
      let round = (await readSetting(tx, key)) as Round | undefined;
      if (!round || (round.after === null && now - round.startedAt >= survey.trigger.everyDays * DAY_MS)) {
        round = { startedAt: now, after: '' };
      }
      if (round.after === null) continue;
      const segment = survey.trigger.flag
        ? await holdersOf(tx, survey.trigger.flag, CUSTOMERS_A_SWEEP, round.after)
        : await customersWithEmailAfter(tx, round.after, CUSTOMERS_A_SWEEP);
      for (const customerId of segment) {
        if (await queueInvitation(tx, survey, customerId, null, now)) queued++;
      }
      await writeSetting(tx, key, {
        startedAt: round.startedAt,
        after: segment.length === CUSTOMERS_A_SWEEP ? segment.at(-1)! : null,
      } satisfies Round);
    }
    return queued;
  });
}

export interface SurveyDeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Emails the invitations that are due. Without a mail server they wait, queued, until one is configured.
 * `publicUrl` is where the customer's browser reaches this server.
 */
export async function deliverSurveyInvitations(
  db: Db,
  mailer: Mailer | undefined,
  options: { company: string; publicUrl: string },
  now = Date.now(),
): Promise<SurveyDeliveryReport> {
  const report: SurveyDeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  if (!mailer) return report;
  for (const invitation of await store.dueInvitations(db, now, 50)) {
    const survey = await store.findSurvey(db, invitation.surveyId);
    const address = await addressFor(db, invitation.customerId, 'email');
    if (!survey || !address) {
      await store.markInvitationAttempt(db, invitation.id, 'The customer has no email address', null);
      report.failed++;
      continue;
    }
    const about = invitation.caseId ? await findCase(db, invitation.caseId) : undefined;
    const token = newSecret('sv');
    const expiresAt = now + survey.linkValidDays * DAY_MS;
    const mail = invitationMail({
      company: options.company,
      survey,
      to: { address: address.identity.value, name: address.name },
      url: surveyLink(options.publicUrl, token),
      expiresAt,
      about: about ? { number: about.number, subject: about.subject } : null,
    });
    try {
      await mailer.sendMail(mail);
      await store.markInvitationSent(db, invitation.id, { tokenHash: hashSecret(token), at: now, expiresAt });
      report.sent++;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[invitation.deliveryAttempts];
      await store.markInvitationAttempt(
        db,
        invitation.id,
        error instanceof Error ? error.message : String(error),
        delay === undefined ? null : now + delay,
      );
      if (delay === undefined) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}
