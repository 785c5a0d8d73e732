// CSV (RFC 4180) of any table the UI shows, and its download: one helper for every "Download CSV" button.
//
//   downloadCsv('churn-reasons.csv', [
//     { header: 'Reason', value: (row) => row.reason },
//     { header: 'Customers', value: (row) => row.count },
//   ], reasons);
//
// A column is a header and how to read its value from a row; a value is written as it is (numbers unformatted, so
// a spreadsheet can compute with them), null or undefined as an empty field.

/** One column of a CSV: its header and the value of a row in it. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/**
 * A field as RFC 4180 writes it: quoted (with quotes doubled) when it holds a comma, a quote, CR or LF. A text that
 * a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or CR) gets a leading apostrophe, as OWASP
 * advises, because these files carry customers' own words; numbers are written as they are.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: the header line, then a line per row, each ended by CRLF (RFC 4180). */
export function toCsv<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: readonly Row[]): string {
  const line = (fields: ReadonlyArray<string | number | boolean | null | undefined>) =>
    `${fields.map(csvField).join(',')}\r\n`;
  return (
    line(columns.map((column) => column.header)) +
    rows.map((row) => line(columns.map((column) => column.value(row)))).join('')
  );
}

/**
 * Saves the rows as `filename` in the browser's downloads. The file is UTF-8 with a byte-order mark, so that Excel
 * reads names like "Zoë" right; every other reader skips the mark.
 */
export function downloadCsv<Row>(filename: string, columns: ReadonlyArray<CsvColumn<Row>>, rows: readonly Row[]): void {
  const blob = new Blob(['\uFEFF', toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the object URL is no longer needed once this task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
