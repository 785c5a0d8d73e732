// Use cases for surveys: define and change them, invite a customer (a signed, one-time, expiring link), and open an
// invitation from its link. Answers travel through the event log (answers.ts), so none is lost.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { hashSecret, newId, newSecret } from '../shared/ids.ts';
import { DAY_MS } from '../shared/time.ts';
import { canonicalCustomer, profilesOf } from '../customers/index.ts';
import { findCase } from '../cases/index.ts';
import { feedbackErrors } from './errors.ts';
import { defaultQuestions, questionProblems } from './model.ts';
import {
  defaultFollowUp,
  followUpProblem,
  outsideQuietPeriod,
  type Survey,
  type surveyFieldsSchema,
} from './survey-model.ts';
import * as store from './store.ts';

export type SurveyFields = z.infer<typeof surveyFieldsSchema>;

function invalid(field: string, reason: string): never {
  throw feedbackErrors.error('invalid_survey', reason, { errors: [{ field, reason }] });
}

/** The survey as given, with the defaults of its kind, checked as a whole. */
function checked(survey: Survey): Survey {
  const problems = questionProblems(survey.kind, survey.questions);
  if (problems.length) invalid('questions', problems.join('; '));
  const followUp = followUpProblem(survey.kind, survey.followUp);
  if (followUp) invalid('followUp.scoreAtMost', followUp);
  return survey;
}

export async function createSurvey(db: Db, fields: SurveyFields, actor: Actor, company: string): Promise<Survey> {
  const survey = checked({
    id: newId('srv'),
    name: fields.name,
    kind: fields.kind,
    questions: fields.questions ?? defaultQuestions(fields.kind, company),
    trigger: fields.trigger,
    quietDays: fields.quietDays,
    linkValidDays: fields.linkValidDays,
    followUp: fields.followUp ?? defaultFollowUp(fields.kind),
    active: fields.active,
    createdAt: Date.now(),
    createdBy: actor.kind === 'staff' ? actor.id : null,
  });
  await store.insertSurvey(db, survey);
  return survey;
}

/** Its kind stays (its responses are scored on its scale); questions keep their ids, so answers keep their meaning. */
export async function changeSurvey(db: Db, id: string, changes: Partial<Omit<SurveyFields, 'kind'>>): Promise<Survey> {
  return db.transaction(async (tx) => {
    const current = await requireSurvey(tx, id);
    const survey = checked({ ...current, ...changes });
    await store.updateSurvey(tx, survey);
    return survey;
  });
}

export async function requireSurvey(db: Db, id: string): Promise<Survey> {
  const survey = await store.findSurvey(db, id);
  if (!survey) throw feedbackErrors.error('not_found', `No survey ${id}`);
  return survey;
}

export const listSurveys = store.listSurveys;

export interface SentInvitation {
  invitationId: string;
  url: string;
  expiresAt: number;
}

/**
 * Invites a customer (about a case, when given) and returns the link to answer by. The link's secret is shown once
 * and kept only as its hash. Refused while she is in the quiet period after any invitation, unless told to ignore it.
 */
export async function inviteCustomer(
  db: Db,
  surveyId: string,
  input: {
    customerId: string;
    caseId?: string | null;
    ignoreQuietPeriod?: boolean;
    /** Staff sending it (the default), or a link in a case reply (reply-survey.ts). */
    origin?: 'staff' | 'reply';
  },
  publicUrl: string,
  now = Date.now(),
): Promise<SentInvitation> {
  return db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, surveyId);
    if (!survey.active) throw feedbackErrors.error('survey_inactive', `${survey.name} is switched off`);
    const customer = await canonicalCustomer(tx, input.customerId);
    if (!customer || customer.erased_at !== null) {
      throw feedbackErrors.error('customer_not_found', `No customer ${input.customerId}`, {
        errors: [{ field: 'customerId', reason: 'No such customer' }],
      });
    }
    const profiles = await profilesOf(tx, customer.id);
    if (input.caseId) {
      const about = await findCase(tx, input.caseId);
      if (!about || !profiles.includes(about.customerId)) {
        invalid('caseId', `No case ${input.caseId} of this customer`);
      }
    }
    const last = await store.lastInvitedAt(tx, profiles);
    if (!input.ignoreQuietPeriod && !outsideQuietPeriod(survey.quietDays, last, now)) {
      throw feedbackErrors.error(
        'recently_surveyed',
        `This customer was invited to a survey on ${new Date(last!).toISOString().slice(0, 10)}; ` +
          `${survey.name} waits ${survey.quietDays} days between surveys (send with ignoreQuietPeriod to send anyway)`,
      );
    }
    const token = newSecret('sv');
    const invitation = {
      id: newId('inv'),
      surveyId: survey.id,
      customerId: customer.id,
      caseId: input.caseId ?? null,
      origin: input.origin ?? 'staff',
      sentAt: now,
      expiresAt: now + survey.linkValidDays * DAY_MS,
    };
    await store.insertInvitation(tx, invitation, hashSecret(token));
    return { invitationId: invitation.id, url: surveyLink(publicUrl, token), expiresAt: invitation.expiresAt };
  });
}

export function surveyLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/s/${encodeURIComponent(token)}`;
}

export type OpenedInvitation =
  | { state: 'unknown' }
  | { state: 'expired'; survey: Survey }
  | { state: 'answered'; survey: Survey; invitation: store.Invitation }
  | { state: 'open'; survey: Survey; invitation: store.Invitation; answered: store.StoredResponse | undefined };

/** What a link leads to: nothing (a forged or mistyped link), a closed survey, one already answered, or the form. */
export async function openInvitation(db: Db, token: string, now = Date.now()): Promise<OpenedInvitation> {
  if (!/^sv_[A-Za-z0-9_-]{32}$/.test(token)) return { state: 'unknown' };
  const invitation = await store.invitationByTokenHash(db, hashSecret(token));
  if (!invitation) return { state: 'unknown' };
  const survey = await requireSurvey(db, invitation.surveyId);
  if (invitation.completedAt !== null) return { state: 'answered', survey, invitation };
  if (now >= invitation.expiresAt) return { state: 'expired', survey };
  return { state: 'open', survey, invitation, answered: await store.findResponse(db, invitation.id) };
}
