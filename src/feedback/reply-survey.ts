// The survey a `{{survey.link}}` in a case reply leads to, and the link itself, minted as the reply is sent: the one
// a manager chose (feedback settings), else the survey after a resolved case (the CSAT that ships), else the newest
// survey switched on. An agent chose to ask, so the quiet period does not hold the link back; the invitation says it
// came from a reply, about the case, so the sweep after resolution does not ask her again (delivery.ts).
import type { Db } from '../store/db.ts';
import type { SurveyLinkSource } from '../cases/index.ts';
import { feedbackErrors } from './errors.ts';
import { inviteCustomer } from './service.ts';
import { readFeedbackSettings } from './settings.ts';
import type { Survey } from './survey-model.ts';
import * as store from './store.ts';

export type ReplySurvey = { survey: Survey } | { survey: null; why: string };

const NONE = 'No survey to link: create or activate a survey first';

export async function replySurvey(db: Db): Promise<ReplySurvey> {
  const { replySurveyId } = await readFeedbackSettings(db);
  if (replySurveyId !== null) {
    const chosen = await store.findSurvey(db, replySurveyId);
    if (chosen?.active) return { survey: chosen };
    // Another survey than the one chosen would surprise the manager who chose it: say so instead.
    return {
      survey: null,
      why: chosen
        ? `No survey to link: ${chosen.name}, chosen for links in replies, is switched off; switch it on or choose another`
        : NONE,
    };
  }
  const [afterResolution] = await store.activeSurveysTriggeredBy(db, 'case_resolved');
  const survey = afterResolution ?? (await store.newestActiveSurvey(db));
  return survey ? { survey } : { survey: null, why: NONE };
}

/** The port the case routes call (cases/survey-link-port.ts): a link for the case's customer, about the case. */
export const mintReplySurveyLink: SurveyLinkSource = async (tx, about) => {
  const chosen = await replySurvey(tx);
  if (!chosen.survey) {
    throw feedbackErrors.error('no_reply_survey', chosen.why, {
      errors: [{ field: 'text', reason: chosen.why }],
    });
  }
  const sent = await inviteCustomer(
    tx,
    chosen.survey.id,
    { customerId: about.customerId, caseId: about.caseId, ignoreQuietPeriod: true, origin: 'reply' },
    about.publicUrl,
  );
  return sent.url;
};
