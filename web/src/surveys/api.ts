// The survey endpoints as the screens call them: managers define surveys, agents send one to a customer (the link
// comes back to paste in a reply), everyone who reads customers reads the responses.
import { client, dataOf, type RequestBody } from '../api/client.ts';
import type { NewSurvey, SurveyChanges } from '../api/types.ts';

const byId = (id: string) => ({ params: { path: { id } } });
const DAY_MS = 86_400_000;

export type SurveyInvitation = RequestBody<'/api/surveys/{id}/send', 'post'>;

export const surveysApi = {
  surveys: () => dataOf(client.GET('/api/surveys')),
  survey: (id: string, signal?: AbortSignal) => dataOf(client.GET('/api/surveys/{id}', { ...byId(id), signal })),
  createSurvey: (survey: NewSurvey) => dataOf(client.POST('/api/surveys', { body: survey })),
  /** Anything but the kind; questions keep their ids, so earlier answers keep their meaning. */
  changeSurvey: (id: string, changes: SurveyChanges) =>
    dataOf(client.PATCH('/api/surveys/{id}', { ...byId(id), body: changes })),
  /** Refused (409 `recently_surveyed`, saying when) within her quiet period unless `ignoreQuietPeriod`. */
  sendSurvey: (id: string, invitation: SurveyInvitation) =>
    dataOf(client.POST('/api/surveys/{id}/send', { ...byId(id), body: invitation })),
  /** The feedback settings: among them, the survey a `{{survey.link}}` in a reply leads to now. */
  feedbackSettings: (signal?: AbortSignal) => dataOf(client.GET('/api/settings/feedback', { signal })),
  /** An active survey for links in replies, or null for the default (managers). */
  chooseReplySurvey: (replySurveyId: string | null) =>
    dataOf(client.PATCH('/api/settings/feedback', { body: { replySurveyId } })),
  /** The last `days` days up to now: the summary over all of them, the newest responses first. */
  responses: (id: string, days: number, signal?: AbortSignal) =>
    dataOf(
      client.GET('/api/surveys/{id}/responses', {
        params: { path: { id }, query: { from: new Date(Date.now() - days * DAY_MS).toISOString(), limit: 200 } },
        signal,
      }),
    ),
};
