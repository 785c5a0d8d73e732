// The audit trail, for every capability that reads or changes customer data.
export {
  insertAuditEntry as recordAudit,
  listAuditEntries,
  redactAuditEntriesOf,
  type AuditEntry,
  type AuditRow,
} from './store.ts';
export { administrativeAuditEntry } from './administrative.ts';
