// The API calls about reply delivery: where a reply to a case would go, the "Failed to send" queue,
// and trying a reply that did not go out again (src/cases/delivery-routes.ts).
import { request } from './api.ts';
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

const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

export const deliveryApi = {
  replyTarget: (caseId: string, signal?: AbortSignal) =>
    request<ReplyTarget>(`${casePath(caseId)}/reply-target`, { signal }),
  retryReply: (caseId: string, messageId: number) =>
    request<CaseMessage>(`${casePath(caseId)}/replies/${messageId}/retry`, { method: 'POST' }),
  undeliveredCases: (limit: number, signal?: AbortSignal) =>
    request<Page<UndeliveredCase>>(`/api/cases/undelivered?limit=${limit}`, { signal }),
};
