// Reading what a commit wrote to the WAL: the page numbers of its frames, and the table or index each
// page belongs to. Shared by the page counts for ingest (wal-pages.ts) and the case replay.
import { openSync, readSync, closeSync, fstatSync, existsSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** The WAL's current frames: its salts, and the page number of each frame written since it last restarted. */
export interface WalFrames {
  salts: string;
  pages: number[];
}

/**
 * Frames whose salts differ from the header's are left over from before a restart of the WAL (a
 * checkpoint that could not truncate the file), so they are not read.
 */
export function walFrames(file: string, pageSize: number): WalFrames {
  if (!existsSync(`${file}-wal`)) return { salts: '', pages: [] };
  const fd = openSync(`${file}-wal`, 'r');
  try {
    const pages: number[] = [];
    const size = fstatSync(fd).size;
    if (size < WAL_HEADER) return { salts: '', pages };
    const walHeader = Buffer.alloc(WAL_HEADER);
    readSync(fd, walHeader, 0, WAL_HEADER, 0);
    const salts = walHeader.subarray(16, 24);
    const header = Buffer.alloc(FRAME_HEADER);
    for (let offset = WAL_HEADER; offset + FRAME_HEADER + pageSize <= size; offset += FRAME_HEADER + pageSize) {
      readSync(fd, header, 0, FRAME_HEADER, offset);
      if (!header.subarray(8, 16).equals(salts)) break;
      pages.push(header.readUInt32BE(0));
    }
    return { salts: salts.toString('hex'), pages };
  } finally {
    closeSync(fd);
  }
}

/**
 * The pages written between two readings, each once. The app's checkpoint thread sometimes keeps a
 * `wal_checkpoint(TRUNCATE)` from emptying the WAL, so the frames before the commit are set aside
 * rather than assumed gone.
 */
export function pagesWrittenBetween(before: WalFrames, after: WalFrames): number[] {
  const fresh = after.salts === before.salts ? after.pages.slice(before.pages.length) : after.pages;
  return [...new Set(fresh)];
}

/** Which table or index each page belongs to, from SQLite's dbstat table. */
export function pageOwners(connection: BetterSqlite3.Database): Map<number, string> {
  const rows = connection.prepare('SELECT name, pageno FROM dbstat').all() as Array<{ name: string; pageno: number }>;
  return new Map(rows.map((row) => [row.pageno, row.name]));
}
