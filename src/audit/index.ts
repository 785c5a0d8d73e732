// The audit trail, for every capability that reads or changes customer data.
export {
  insertAuditEntry as recordAudit,
  listAuditEntries,
  redactAuditEntriesOf,
  type AuditEntry,
  type AuditRow,
} from './store.ts';
export { administrativeAuditEntry } from './administrative.ts';
export { installViewRecorder, recordView, viewsRecorded, type ViewEntry, type ViewRecorder } from './views.ts';
