// Calls for working cases beyond one field at a time: "Take it", bulk actions on a queue's selection,
// and merging duplicate cases (and undoing a merge). Same client as api.ts.
import { client, dataOf } from './api/client.ts';
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

const byId = (id: string) => ({ params: { path: { id } } });

export const caseActions = {
  take: (id: string) => dataOf<CaseSummary>(client.POST('/api/cases/{id}/take', byId(id))),
  bulk: (ids: string[], action: BulkAction) =>
    dataOf<BulkReport>(client.POST('/api/cases/bulk', { body: { ids, action } })),
  merge: (id: string, intoCaseId: string) =>
    dataOf<CaseMerge>(client.POST('/api/cases/{id}/merge', { ...byId(id), body: { intoCaseId } })),
  undoMerge: (mergeId: string) => dataOf<CaseMerge>(client.POST('/api/case-merges/{id}/undo', byId(mergeId))),
};
