// Feedback settings a manager may change: whether the public ideas board is open to customers (off by default).
import { z } from 'zod';
import type { Db } from '../store/db.ts';
import { readSetting, writeSetting } from '../store/settings.ts';

export const feedbackSettingsSchema = z.strictObject({ publicBoard: z.boolean() });
export type FeedbackSettings = z.infer<typeof feedbackSettingsSchema>;

const PUBLIC_BOARD = 'feedback.publicBoard';

/** Read on every board request, so switching the board off closes it at once, in every process. */
export async function readFeedbackSettings(db: Db): Promise<FeedbackSettings> {
  return { publicBoard: (await readSetting(db, PUBLIC_BOARD)) === true };
}

export async function writeFeedbackSettings(db: Db, settings: Partial<FeedbackSettings>): Promise<FeedbackSettings> {
  if (settings.publicBoard !== undefined) await writeSetting(db, PUBLIC_BOARD, settings.publicBoard);
  return readFeedbackSettings(db);
}
