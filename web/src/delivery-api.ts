// The API calls about reply delivery: where a reply to a case would go, the "Failed to send" queue,
// and trying a reply that did not go out again (src/cases/delivery-routes.ts).
import { client, dataOf } from './api/client.ts';

export type { ReplyTarget, UndeliveredCase } from './api/types.ts';

export const deliveryApi = {
  replyTarget: (caseId: string, signal?: AbortSignal) =>
    dataOf(client.GET('/api/cases/{id}/reply-target', { params: { path: { id: caseId } }, signal })),
  retryReply: (caseId: string, messageId: number) =>
    dataOf(client.POST('/api/cases/{id}/replies/{messageId}/retry', { params: { path: { id: caseId, messageId } } })),
  undeliveredCases: (limit: number, signal?: AbortSignal) =>
    dataOf(client.GET('/api/cases/undelivered', { params: { query: { limit } }, signal })),
};
