// The file being imported: that it exists, how to read it, and the fingerprint its checkpoint is kept under.
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { importUsageError, type ImportFile, type ImportFormat } from './model.ts';

/** Enough to tell files apart without reading a large one twice; with path and size, a changed file is a new import. */
const FINGERPRINT_BYTES = 64 * 1024;

/** Checks the file before the database is opened; the format follows the extension unless given. */
export async function inspectImportFile(path: string, format?: ImportFormat): Promise<ImportFile> {
  const absolute = resolve(path);
  const stats = await stat(absolute).catch(() => null);
  if (!stats) throw importUsageError('import_file_not_found', `No file ${path}`);
  if (!stats.isFile()) throw importUsageError('import_file_not_readable', `${path} is not a file`);
  const extension = extname(absolute).toLowerCase();
  return {
    path: absolute,
    size: stats.size,
    format: format ?? (extension === '.jsonl' || extension === '.ndjson' ? 'jsonl' : 'csv'),
  };
}

/** SHA-256 of the absolute path, the size and the first 64 KiB. */
export async function fingerprintFile(file: ImportFile): Promise<string> {
  const handle = await open(file.path, 'r');
  try {
    const head = Buffer.alloc(Math.min(FINGERPRINT_BYTES, file.size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const headHash = createHash('sha256').update(head.subarray(0, bytesRead)).digest('hex');
    return createHash('sha256').update(`${file.path}\n${file.size}\n${headHash}`).digest('hex');
  } finally {
    await handle.close();
  }
}
