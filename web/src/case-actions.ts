// Calls for working cases beyond one field at a time: "Take it", bulk actions on a queue's selection,
// and merging duplicate cases (and undoing a merge). Same client as api.ts.
import { client, dataOf } from './api/client.ts';
import type { BulkAction } from './api/types.ts';

export type { BulkAction, BulkReport, BulkResult, CaseMerge } from './api/types.ts';

const byId = (id: string) => ({ params: { path: { id } } });

export const caseActions = {
  take: (id: string) => dataOf(client.POST('/api/cases/{id}/take', byId(id))),
  bulk: (ids: string[], action: BulkAction) => dataOf(client.POST('/api/cases/bulk', { body: { ids, action } })),
  merge: (id: string, intoCaseId: string) =>
    dataOf(client.POST('/api/cases/{id}/merge', { ...byId(id), body: { intoCaseId } })),
  undoMerge: (mergeId: string) => dataOf(client.POST('/api/case-merges/{id}/undo', byId(mergeId))),
};
