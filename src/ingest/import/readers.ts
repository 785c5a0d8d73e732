// Record streams from a file, each record with the line it starts on: CSV (csv-reader.ts) or JSON Lines.
// Pull-based async iteration end to end, so a slow database slows the reading and memory stays flat.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { isRecord } from './fields.ts';
import { readCsvRecords } from './csv-reader.ts';
import type { CsvRecord, JsonRecord, Line } from './model.ts';

export interface RecordStream<R> {
  records: AsyncGenerator<R>;
  /** Bytes read from the file so far, for progress. */
  bytesRead(): number;
  /** Closes the file when reading stops early. */
  close(): void;
}

/** The first record is the header row. */
export function readCsvFile(path: string, delimiter: string): RecordStream<CsvRecord> {
  const input = createReadStream(path);
  return {
    records: readCsvRecords(numberedLines(input), delimiter),
    bytesRead: () => input.bytesRead,
    close: () => input.destroy(),
  };
}

export function readJsonLinesFile(path: string): RecordStream<JsonRecord> {
  const input = createReadStream(path);
  return {
    records: readJsonLines(numberedLines(input)),
    bytesRead: () => input.bytesRead,
    close: () => input.destroy(),
  };
}

/** readline's iterator pauses the file stream while lines wait to be consumed. A byte order mark is not text. */
async function* numberedLines(input: NodeJS.ReadableStream & { destroy(): void }): AsyncGenerator<Line> {
  const reader = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text of reader) {
      number++;
      yield { number, text: number === 1 ? text.replace(/^\uFEFF/, '') : text };
    }
  } finally {
    reader.close();
    input.destroy();
  }
}

async function* readJsonLines(lines: AsyncIterable<Line>): AsyncGenerator<JsonRecord> {
  for await (const { number, text: raw } of lines) {
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      yield { kind: 'unreadable', line: number, raw, reason: `Not valid JSON: ${(error as Error).message}` };
      continue;
    }
    if (isRecord(value)) yield { kind: 'object', line: number, raw, object: value };
    else yield { kind: 'unreadable', line: number, raw, reason: 'A line must hold one JSON object' };
  }
}
