// The API calls of advisory boards (src/feedback/board-routes.ts): the boards, one board, forming one, members by
// hand, sessions, input and its link to an idea; and the ideas input may be linked to.
import { client, dataOf, type RequestBody } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';

type Schemas = components['schemas'];

export type AdvisoryBoard = Schemas['AdvisoryBoard'];
export type BoardSummary = Schemas['AdvisoryBoardList']['items'][number];
export type BoardMember = AdvisoryBoard['members'][number];
export type BoardSession = AdvisoryBoard['sessions'][number];
export type BoardInput = AdvisoryBoard['inputs'][number];
export type NewBoard = RequestBody<'/api/advisory-boards', 'post'>;
export type NewSession = RequestBody<'/api/advisory-boards/{id}/sessions', 'post'>;
export type NewInput = RequestBody<'/api/advisory-boards/{id}/inputs', 'post'>;
/** An idea as the list gives it: enough to pick one and show it as "#12 title". */
export type IdeaChoice = Schemas['IdeaList']['items'][number];

const byId = (id: string) => ({ params: { path: { id } } });

/** The most ideas the list answers at once (GET /api/ideas caps `limit` there). */
export const MOST_IDEAS_OFFERED = 100;

export const boardApi = {
  boards: (signal?: AbortSignal) => dataOf(client.GET('/api/advisory-boards', { signal })),
  board: (id: string, signal?: AbortSignal) => dataOf(client.GET('/api/advisory-boards/{id}', { ...byId(id), signal })),
  createBoard: (board: NewBoard) => dataOf(client.POST('/api/advisory-boards', { body: board })),
  addMember: (id: string, customerId: string) =>
    dataOf(client.POST('/api/advisory-boards/{id}/members', { ...byId(id), body: { customerId } })),
  /** Only members by hand can be removed; those by the board's flag stay while they hold it. */
  removeMember: (id: string, customerId: string) =>
    dataOf(client.DELETE('/api/advisory-boards/{id}/members/{customerId}', { params: { path: { id, customerId } } })),
  addSession: (id: string, session: NewSession) =>
    dataOf(client.POST('/api/advisory-boards/{id}/sessions', { ...byId(id), body: session })),
  recordInput: (id: string, input: NewInput) =>
    dataOf(client.POST('/api/advisory-boards/{id}/inputs', { ...byId(id), body: input })),
  /** Its giver becomes a requester of the idea in the words she gave. */
  linkInput: (id: string, inputId: string, ideaId: string) =>
    dataOf(
      client.POST('/api/advisory-boards/{id}/inputs/{inputId}/idea', {
        params: { path: { id, inputId } },
        body: { ideaId },
      }),
    ),
  /** Ideas still standing, most asked for first. */
  ideas: (signal?: AbortSignal) =>
    dataOf(client.GET('/api/ideas', { params: { query: { limit: MOST_IDEAS_OFFERED } }, signal })),
};
