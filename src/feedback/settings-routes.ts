// HTTP routes for the feedback settings: whether the public ideas board is open (read by whoever reads customers,
// changed by managers, audited).
import { defineRoute } from '../http/route.ts';
import { feedbackSettingsSchema, readFeedbackSettings, writeFeedbackSettings } from './settings.ts';
import { FeedbackSettingsSchema } from './idea-responses.ts';

export const feedbackSettingsRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/settings/feedback',
    summary: 'Feedback settings: whether the public ideas board (/board) is open to customers',
    tags: ['settings'],
    response: FeedbackSettingsSchema,
    auth: 'customers:read',
    handler: async ({ ctx }) => readFeedbackSettings(ctx.db),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/settings/feedback',
    summary: 'Change the feedback settings: open or close the public ideas board',
    tags: ['settings'],
    response: FeedbackSettingsSchema,
    auth: 'settings:manage',
    audit: 'feedback_settings.changed',
    body: feedbackSettingsSchema.partial(),
    handler: async ({ body, ctx }) => writeFeedbackSettings(ctx.db, body),
  }),
];
