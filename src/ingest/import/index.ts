// The file importer, as other folders (the CLI) may use it: check the file, parse the mapping, import.
/**
 * Imports a CSV or JSON Lines file of interactions, streaming, a batch per transaction, resumable after a crash.
 *
 * @example
 * const file = await inspectImportFile('tickets.csv');
 * const mapping = parseMapping({ map: ['customer.email=Email', 'text=Body'], set: ['channel=email'] });
 * const report = await importFile(db, { file, mapping, defaultCountry: 'US' }, { rejected: (e) => console.error(e) });
 * // report.stored, report.duplicates, report.rejected, report.errorReport …
 */
export { importFile } from './service.ts';
export { directImportIntake, type ImportIntake, loggedImportIntake } from './intake.ts';
export { inspectImportFile } from './files.ts';
export { parseMapping, type MappingInput } from './mapping.ts';
export { FIELD_NAMES } from './fields.ts';
export {
  describeProgress,
  describeReport,
  describeRowError,
  describeRun,
  formatBytes,
  progressFigures,
} from './summary.ts';
export { importUsageError, type ImportErrorCode } from './model.ts';
export type {
  ImportFile,
  ImportFormat,
  ImportListener,
  ImportOptions,
  ImportProgress,
  ImportReport,
  ImportRun,
  Mapping,
  RowError,
} from './model.ts';
