// A labelled CSV file as examples (a text column and a label column): what `rapport eval` measures on and
// `rapport train` trains on. A missing column, an unreadable or empty file is a usage error naming what is there.
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import { parse } from 'csv-parse/sync';
import type { LabelledExample } from '../listening/index.ts';

export interface LabelledColumns {
  textColumn: string;
  labelColumn: string;
}

/** The rows with both a text and a label; the others are left out. */
export async function readLabelledCsv(path: string, columnsOf: LabelledColumns): Promise<LabelledExample[]> {
  let rows: Record<string, string>[];
  try {
    rows = parse(await readFile(path), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith('CSV_')) {
      throw new InvalidArgumentError(`${path} is not a readable CSV file: ${(error as Error).message}`);
    }
    throw error;
  }
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  for (const column of [columnsOf.textColumn, columnsOf.labelColumn]) {
    if (!columns.includes(column)) {
      throw new InvalidArgumentError(
        `${path} has no column "${column}"${columns.length ? `; its columns are ${columns.join(', ')}` : ' (no rows)'}`,
      );
    }
  }
  const examples = rows
    .map((row) => ({ text: row[columnsOf.textColumn]?.trim() ?? '', label: row[columnsOf.labelColumn]?.trim() ?? '' }))
    .filter((example) => example.text && example.label);
  if (examples.length === 0) throw new InvalidArgumentError(`${path} has no row with both a text and a label`);
  return examples;
}
