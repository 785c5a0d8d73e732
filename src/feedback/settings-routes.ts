// HTTP routes for the feedback settings: whether the public ideas board is open, and which survey a link in a reply
// leads to (read by whoever reads customers, changed by managers, audited).
import type { Db } from '../store/db.ts';
import { defineRoute } from '../http/route.ts';
import { feedbackSettingsSchema, readFeedbackSettings, writeFeedbackSettings } from './settings.ts';
import { FeedbackSettingsSchema } from './idea-responses.ts';
import { replySurvey } from './reply-survey.ts';

/** The settings, with the survey a reply's link leads to now (the chosen one or the default). */
async function settingsView(db: Db) {
  const settings = await readFeedbackSettings(db);
  const linked = await replySurvey(db);
  return {
    ...settings,
    replySurvey: linked.survey && { id: linked.survey.id, name: linked.survey.name },
    replySurveyProblem: linked.survey ? null : linked.why,
  };
}

export const feedbackSettingsRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/settings/feedback',
    summary:
      'Feedback settings: whether the public ideas board (/board) is open to customers, and the survey a ' +
      '{{survey.link}} in a reply leads to',
    tags: ['settings'],
    response: FeedbackSettingsSchema,
    auth: 'customers:read',
    handler: async ({ ctx }) => settingsView(ctx.db),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/settings/feedback',
    summary:
      'Change the feedback settings: open or close the public ideas board; choose the survey links in replies lead ' +
      'to (an active one; null for the default)',
    tags: ['settings'],
    response: FeedbackSettingsSchema,
    auth: 'settings:manage',
    audit: 'feedback_settings.changed',
    body: feedbackSettingsSchema.partial(),
    handler: async ({ body, ctx }) => {
      await writeFeedbackSettings(ctx.db, body);
      return settingsView(ctx.db);
    },
  }),
];
