// Where a customer's matter stands: cases own the lifecycle (cases/model.ts), the customer card shows the
// status of each open case, so the five words sit below both, as the priorities do.
export const CASE_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
