// Calls for working cases beyond one field at a time: "Take it", bulk actions on a queue's selection,
// and merging duplicate cases (and undoing a merge). Same request wrapper as api.ts.
import { request } from './api.ts';
import type { CasePriority, CaseStatus, CaseSummary } from './types.ts';

export type BulkAction =
  | { type: 'assign'; assigneeId: string | null }
  | { type: 'assignTeam'; teamId: string }
  | { type: 'setStatus'; status: CaseStatus }
  | { type: 'setPriority'; priority: CasePriority }
  | { type: 'addTag'; tag: string }
  | { type: 'removeTag'; tag: string }
  | { type: 'close' };

export type BulkResult =
  | { id: string; ok: true; case: CaseSummary }
  | { id: string; ok: false; code: string; status: number; reason: string };

export interface BulkReport {
  applied: number;
  refused: number;
  results: BulkResult[];
}

export interface CaseMerge {
  id: string;
  survivorId: string;
  survivorNumber: number;
  absorbedId: string;
  absorbedNumber: number;
  mergedBy: string | null;
  mergedAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

const casePath = (id: string | number) => `/api/cases/${encodeURIComponent(String(id))}`;

export const caseActions = {
  take: (id: string) => request<CaseSummary>(`${casePath(id)}/take`, { method: 'POST' }),
  bulk: (ids: string[], action: BulkAction) =>
    request<BulkReport>('/api/cases/bulk', { method: 'POST', body: { ids, action } }),
  merge: (id: string, intoCaseId: string) =>
    request<CaseMerge>(`${casePath(id)}/merge`, { method: 'POST', body: { intoCaseId } }),
  undoMerge: (mergeId: string) =>
    request<CaseMerge>(`/api/case-merges/${encodeURIComponent(mergeId)}/undo`, { method: 'POST' }),
};
