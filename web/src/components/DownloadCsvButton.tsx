// "Download CSV" beside a table: the same rows as the table, as a file (csv.ts). Its name says which table, for
// a screen reader that hears several of these buttons on one page.
import { type CsvColumn, downloadCsv } from '../csv.ts';

interface DownloadCsvButtonProps<Row> {
  /** What the table is, as in "Download CSV of reasons". */
  what: string;
  filename: string;
  columns: ReadonlyArray<CsvColumn<Row>>;
  rows: readonly Row[];
}

export function DownloadCsvButton<Row>({ what, filename, columns, rows }: DownloadCsvButtonProps<Row>) {
  return (
    <button
      type="button"
      className="small download-csv"
      aria-label={`Download CSV of ${what}`}
      onClick={() => downloadCsv(filename, columns, rows)}
    >
      Download CSV
    </button>
  );
}
