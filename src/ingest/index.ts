// The front door of ingest: what other capabilities may use. Everything else in this folder is its own business.
export {
  describeProgress,
  describeReport,
  describeRowError,
  describeRun,
  FIELD_NAMES,
  formatBytes,
  importFile,
  type ImportFormat,
  type ImportListener,
  type ImportReport,
  importUsageError,
  inspectImportFile,
  type MappingInput,
  parseMapping,
  progressFigures,
} from './import/index.ts';
export { createWriteKey, findWriteKey, listWriteKeys, type WriteKey } from './write-keys.ts';
/** The projector's decoder for the tracking API's logged calls (the app wires it). */
export { decodeLoggedSegmentCall } from './segment.ts';
/** The projection of the native API's and the importer's events: inbound messages carried to their cases. */
export { loggedInteractions } from './conversations.ts';
export { loggedImportIntake } from './import/index.ts';
