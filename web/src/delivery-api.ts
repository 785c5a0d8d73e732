// The API calls about reply delivery: where a reply to a case would go, the "Failed to send" queue,
// and trying a reply that did not go out again (src/cases/delivery-routes.ts).
import { client, dataOf } from './api/client.ts';
import type { CaseMessage, CaseSummary, Page } from './types.ts';

export interface ReplyTarget {
  canSend: boolean;
  channel: string;
  to: string | null;
  privately: boolean;
  /** "to jane@example.com by email", "public reply to @jane on X"; null when it cannot go. */
  description: string | null;
  /** Why it cannot go, for the agent to read. */
  reason: string | null;
}

export type UndeliveredCase = CaseSummary & {
  undelivered: { messageId: number; status: string; error: string; at: string };
};

export const deliveryApi = {
  replyTarget: (caseId: string, signal?: AbortSignal) =>
    dataOf<ReplyTarget>(client.GET('/api/cases/{id}/reply-target', { params: { path: { id: caseId } }, signal })),
  retryReply: (caseId: string, messageId: number) =>
    dataOf<CaseMessage>(
      client.POST('/api/cases/{id}/replies/{messageId}/retry', { params: { path: { id: caseId, messageId } } }),
    ),
  undeliveredCases: (limit: number, signal?: AbortSignal) =>
    dataOf<Page<UndeliveredCase>>(client.GET('/api/cases/undelivered', { params: { query: { limit } }, signal })),
};
