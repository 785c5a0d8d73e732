// Feedback settings a manager may change: whether the public ideas board is open to customers (off by default), and
// which survey a `{{survey.link}}` in a reply leads to (by default the one after a resolved case, reply-survey.ts).
import { z } from 'zod';
import type { Db } from '../store/db.ts';
import { readSetting, writeSetting } from '../store/settings.ts';
import { feedbackErrors } from './errors.ts';
import { findSurvey } from './store.ts';

export const feedbackSettingsSchema = z.strictObject({
  publicBoard: z.boolean(),
  /** null: the default (reply-survey.ts). */
  replySurveyId: z.string().min(1).max(100).nullable(),
});
export type FeedbackSettings = z.infer<typeof feedbackSettingsSchema>;

const PUBLIC_BOARD = 'feedback.publicBoard';
const REPLY_SURVEY = 'feedback.replySurveyId';

/** Read on every board request, so switching the board off closes it at once, in every process. */
export async function readFeedbackSettings(db: Db): Promise<FeedbackSettings> {
  return {
    publicBoard: (await readSetting(db, PUBLIC_BOARD)) === true,
    replySurveyId: ((await readSetting(db, REPLY_SURVEY)) as string | undefined) ?? null,
  };
}

export async function writeFeedbackSettings(db: Db, settings: Partial<FeedbackSettings>): Promise<FeedbackSettings> {
  return db.transaction(async (tx) => {
    if (settings.publicBoard !== undefined) await writeSetting(tx, PUBLIC_BOARD, settings.publicBoard);
    if (settings.replySurveyId !== undefined) {
      if (settings.replySurveyId !== null) await requireActiveSurvey(tx, settings.replySurveyId);
      await writeSetting(tx, REPLY_SURVEY, settings.replySurveyId);
    }
    return readFeedbackSettings(tx);
  });
}

async function requireActiveSurvey(db: Db, id: string): Promise<void> {
  const survey = await findSurvey(db, id);
  const reason = !survey
    ? 'No such survey'
    : !survey.active
      ? `${survey.name} is switched off: switch it on first`
      : null;
  if (reason) {
    throw feedbackErrors.error('invalid_settings', `Reply links cannot lead to survey ${id}: ${reason}`, {
      errors: [{ field: 'replySurveyId', reason }],
    });
  }
}
