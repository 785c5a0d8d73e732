// The API calls about ideas (src/feedback/idea-routes.ts) and the feedback health figures
// (src/feedback/metrics-routes.ts), over the same typed client as api.ts.
import { client, dataOf, present, type RequestBody } from './api/client.ts';
import type { components, paths } from './api/schema.d.ts';

type Schemas = components['schemas'];

export type Idea = Schemas['Idea'];
export type IdeaSummary = Schemas['IdeaList']['items'][number];
export type IdeaStatus = Idea['status'];
export type IdeaRequester = Idea['requesters'][number];
export type IdeaHistoryEntry = Idea['history'][number];
export type IdeaReply = Schemas['IdeaReply'];
export type FeedbackMetrics = Schemas['FeedbackMetrics'];
export type IdeaListQuery = NonNullable<paths['/api/ideas']['get']['parameters']['query']>;
export type NewIdea = RequestBody<'/api/ideas', 'post'>;
export type NewRequester = RequestBody<'/api/ideas/{id}/requesters', 'post'>;

const byId = (id: string | number) => ({ params: { path: { id: String(id) } } });

export const ideasApi = {
  /** Ideas still standing, ranked by demand (requesters) or value; merged duplicates are left out. */
  list: (query: IdeaListQuery, signal?: AbortSignal) =>
    dataOf(client.GET('/api/ideas', { params: { query: present(query) }, signal })),
  /** By id or by number. */
  get: (id: string | number, signal?: AbortSignal) => dataOf(client.GET('/api/ideas/{id}', { ...byId(id), signal })),
  create: (idea: NewIdea) => dataOf(client.POST('/api/ideas', { body: idea })),
  addRequester: (id: string, requester: NewRequester) =>
    dataOf(client.POST('/api/ideas/{id}/requesters', { ...byId(id), body: requester })),
  merge: (id: string, intoId: string) =>
    dataOf(client.POST('/api/ideas/{id}/merge', { ...byId(id), body: { intoId } })),
  changeStatus: (id: string, status: IdeaStatus, reason: string | null) =>
    dataOf(client.POST('/api/ideas/{id}/status', { ...byId(id), body: { status, reason } })),
  reply: (id: string, customerId: string, text: string) =>
    dataOf(client.POST('/api/ideas/{id}/replies', { ...byId(id), body: { customerId, text } })),
  /** Shown on the public board, or not (the board itself is switched on in the feedback settings). */
  setVisibility: (id: string, isPublic: boolean) =>
    dataOf(client.POST('/api/ideas/{id}/visibility', { ...byId(id), body: { public: isPublic } })),
  /** Whether the public ideas board is open. */
  feedbackSettings: (signal?: AbortSignal) => dataOf(client.GET('/api/settings/feedback', { signal })),
  changeFeedbackSettings: (publicBoard: boolean) =>
    dataOf(client.PATCH('/api/settings/feedback', { body: { publicBoard } })),
  /** The black-hole rate with N = `days` over the last 90 days (the server's default period). */
  feedbackMetrics: (days: number, signal?: AbortSignal) =>
    dataOf(client.GET('/api/metrics/feedback', { params: { query: { days } }, signal })),
};
