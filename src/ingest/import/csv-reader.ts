// CSV records (RFC 4180) from numbered lines, parsed by csv-parse fed one line at a time. csv-parse cannot
// recover from a broken quote (the rest of the file becomes one field), so the lines of the record being read are
// kept: on a parse error only that record's first line is rejected, and a fresh parser reads on from the next line.
import { parse, type CsvError, type Parser } from 'csv-parse';
import type { CsvRecord, Line } from './model.ts';

/** A record longer than this is an unclosed quote, not data: it is rejected rather than held in memory. */
const MAX_RECORD_CHARS = 1024 * 1024;

type ParserEvent = { kind: 'record'; cells: string[]; lastLine: number } | { kind: 'error'; reason: string };

/** The first record is the header: it is yielded like any other, and later records must have as many fields. */
export async function* readCsvRecords(lines: AsyncIterable<Line>, delimiter: string): AsyncGenerator<CsvRecord> {
  const reader = new CsvRecordReader(delimiter);
  for await (const line of lines) yield* reader.push(line);
  yield* reader.end();
}

class CsvRecordReader {
  private parser: LineParser | null = null;
  /** Lines the parser has been given that no record has claimed yet: the record being read and blank lines before it. */
  private pending: Line[] = [];
  private pendingChars = 0;
  private headerWidth: number | null = null;

  constructor(private readonly delimiter: string) {}

  *push(line: Line): Generator<CsvRecord> {
    const queue = [line];
    for (let next = queue.shift(); next; next = queue.shift()) {
      this.parser ??= new LineParser(this.delimiter, next.number);
      this.pending.push(next);
      this.pendingChars += next.text.length;
      let replay = yield* this.settle(this.parser.write(next.text));
      if (this.pendingChars > MAX_RECORD_CHARS) {
        replay = yield* this.settle([
          {
            kind: 'error',
            reason: `A quoted field runs on past ${MAX_RECORD_CHARS} characters: is its closing quote missing?`,
          },
        ]);
      }
      queue.unshift(...replay);
    }
  }

  async *end(): AsyncGenerator<CsvRecord> {
    while (this.parser) {
      const events = await this.parser.end();
      this.parser = null;
      for (const line of yield* this.settle(events)) yield* this.push(line);
    }
  }

  /** Turns parser events into records; after an error, returns the lines to read again with a fresh parser. */
  private *settle(events: ParserEvent[]): Generator<CsvRecord, Line[]> {
    for (const event of events) {
      if (event.kind === 'record') {
        const record = this.claim(event.cells, event.lastLine);
        if (record) yield record;
        continue;
      }
      const start = this.pending.findIndex((line) => line.text !== '');
      const first = this.pending[start];
      const rest = this.pending.slice(start + 1);
      this.pending = [];
      this.pendingChars = 0;
      this.parser = null;
      if (first) yield { kind: 'unreadable', line: first.number, raw: first.text, reason: event.reason };
      return rest;
    }
    return [];
  }

  private claim(cells: string[], lastLine: number): CsvRecord | null {
    const taken = this.pending.filter((line) => line.number <= lastLine);
    this.pending = this.pending.filter((line) => line.number > lastLine);
    this.pendingChars = this.pending.reduce((sum, line) => sum + line.text.length, 0);
    // Blank lines before a record are skipped by the parser; the record starts at its first written line.
    const lines = taken.slice(taken.findIndex((line) => line.text !== ''));
    const line = lines[0]?.number ?? lastLine;
    const raw = lines.map((each) => each.text).join('\n');
    if (this.headerWidth === null) {
      this.headerWidth = cells.length;
      return { kind: 'cells', line, raw, cells };
    }
    // Spreadsheets export rows of empty cells below the data; they are not rows.
    if (cells.every((cell) => cell.trim() === '')) return null;
    if (cells.length !== this.headerWidth) {
      return {
        kind: 'unreadable',
        line,
        raw,
        reason: `Has ${cells.length} fields; the header has ${this.headerWidth}`,
      };
    }
    return { kind: 'cells', line, raw, cells };
  }
}

/** One csv-parse parser written a line at a time; its records and errors are collected in the order they occur. */
class LineParser {
  private readonly parser: Parser;
  private events: ParserEvent[] = [];

  constructor(delimiter: string, firstLine: number) {
    this.parser = parse({
      delimiter,
      record_delimiter: '\n',
      skip_empty_lines: true,
      // Counted against the header by the reader, with a clearer message than the parser's.
      relax_column_count: true,
      skip_records_with_error: true,
      on_record: (cells: string[], info) => {
        this.events.push({ kind: 'record', cells, lastLine: firstLine + info.lines - 1 });
        return null;
      },
    });
    this.parser.on('skip', (error: CsvError | undefined) =>
      this.events.push({ kind: 'error', reason: describeCsvError(error) }),
    );
  }

  /** csv-parse is synchronous: the line is parsed when write returns (the line break itself on the next write). */
  write(text: string): ParserEvent[] {
    this.parser.write(`${text}\n`);
    return this.take();
  }

  async end(): Promise<ParserEvent[]> {
    await new Promise<void>((resolve) => this.parser.end(resolve));
    return this.take();
  }

  private take(): ParserEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }
}

function describeCsvError(error: CsvError | undefined): string {
  switch (error?.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'A closing quote is followed by other characters (inside a quoted field, write a quote as "")';
    case 'INVALID_OPENING_QUOTE':
      return 'A quote inside an unquoted field (quote the whole field and write the quote as "")';
    default:
      return error?.message ?? 'Not valid CSV';
  }
}
