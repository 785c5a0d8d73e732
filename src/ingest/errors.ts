// The refusals of ingest: write keys, a batch naming a customer who does not exist, and the usage mistakes of a bulk import found before any row is stored.
import { defineErrors } from '../shared/errors.ts';

export const ingestErrors = defineErrors('ingest', {
  write_key_not_found: 'not_found',
  import_file_not_found: 'invalid',
  import_file_not_readable: 'invalid',
  import_header_missing: 'invalid',
  import_unknown_field: 'invalid',
  import_unknown_column: 'invalid',
  import_invalid_mapping: 'invalid',
  import_invalid_option: 'invalid',
  ingest_backlogged: 'unavailable',
  customer_not_found: 'not_found',
});
