// Retention cohorts as a heat map: a row per first-seen month, a column per month after it, each cell the share of
// the cohort active in that month (darker is more); the numbers are in every cell, so colour adds, never carries.
import type { CsvColumn } from '../csv.ts';
import type { Cohort } from '../retention/api.ts';
import { formatRate, heatColour, monthLabel } from '../retention/format.ts';
import { DownloadCsvButton } from './DownloadCsvButton.tsx';

export function CohortTable({ cohorts }: { cohorts: Cohort[] }) {
  const offsets = Math.max(0, ...cohorts.map((cohort) => cohort.months.length));
  const columns: ReadonlyArray<CsvColumn<Cohort>> = [
    { header: 'First seen', value: (row) => row.month },
    { header: 'Customers', value: (row) => row.customers },
    ...Array.from({ length: offsets }, (_, offset) => ({
      header: `Month ${offset}`,
      value: (row: Cohort) => row.months[offset]?.share,
    })),
  ];
  return (
    <section className="panel churn-section" aria-labelledby="cohorts-heading">
      <div className="churn-section-head">
        <h2 id="cohorts-heading">Who stays: cohorts by first-seen month</h2>
        <DownloadCsvButton what="cohorts" filename="retention-cohorts.csv" columns={columns} rows={cohorts} />
      </div>
      <p className="muted">
        Customers by the month they were first seen (UTC), and the share of them active in each month after: month 0 is
        the month they arrived.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: many months are wider than the page; a keyboard scrolls it */}
      <section className="table-scroll" aria-labelledby="cohorts-heading" tabIndex={0}>
        <table className="data-table cohort-table">
          <caption className="visually-hidden">
            Share of each cohort active in each month after it was first seen
          </caption>
          <thead>
            <tr>
              <th scope="col">First seen</th>
              <th scope="col" className="number">
                Customers
              </th>
              {Array.from({ length: offsets }, (_, offset) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the offset is the column
                <th scope="col" key={offset} className="number">
                  Month {offset}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cohorts.map((cohort) => (
              <tr key={cohort.month}>
                <th scope="row">{monthLabel(cohort.month)}</th>
                <td className="number">{cohort.customers}</td>
                {Array.from({ length: offsets }, (_, offset) => {
                  const month = cohort.months[offset];
                  return month && cohort.customers > 0 ? (
                    <td
                      key={month.month}
                      className="number heat"
                      style={{ background: heatColour(month.share) }}
                      title={`${month.active} of ${cohort.customers} active in ${monthLabel(month.month)}`}
                    >
                      {formatRate(month.share)}
                    </td>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: an empty cell has only its column
                    <td key={offset} className="number" />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
