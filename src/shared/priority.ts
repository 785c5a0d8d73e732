// How urgent a customer's matter is: cases carry it, SLA policies set targets per priority, channels read
// it from what arrives. Below them all, so each names the same four words.
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];
