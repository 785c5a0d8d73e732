// Where the period's new customers came from (their first touch), and what became of them: churned since, still here.
import type { CsvColumn } from '../csv.ts';
import { humanize } from '../labels.ts';
import type { AcquisitionReport, AcquisitionSource } from '../retention/api.ts';
import { formatRate } from '../retention/format.ts';
import { DownloadCsvButton } from './DownloadCsvButton.tsx';

const COLUMNS: ReadonlyArray<CsvColumn<AcquisitionSource>> = [
  { header: 'Source', value: (row) => row.source },
  { header: 'New customers', value: (row) => row.customers },
  { header: 'Churned since', value: (row) => row.churned },
  { header: 'Still here', value: (row) => row.retained },
  { header: 'Retained share', value: (row) => row.retainedShare },
];

const sourceLabel = (source: string) => (source === 'unknown' ? 'Unknown' : humanize(source));

export function AcquisitionTable({ report }: { report: AcquisitionReport }) {
  return (
    <section className="panel churn-section" aria-labelledby="acquisition-heading">
      <div className="churn-section-head">
        <h2 id="acquisition-heading">Where new customers came from</h2>
        {report.sources.length > 0 && (
          <DownloadCsvButton
            what="acquisition sources"
            filename="acquisition-sources.csv"
            columns={COLUMNS}
            rows={report.sources}
          />
        )}
      </div>
      {report.sources.length === 0 ? (
        <p className="empty-state">No new customers were first seen in this period.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table acquisition-sources">
            <caption className="visually-hidden">New customers of the period by acquisition source</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col" className="number">
                  New customers
                </th>
                <th scope="col" className="number">
                  Churned since
                </th>
                <th scope="col" className="number">
                  Still here
                </th>
                <th scope="col" className="number">
                  Retained
                </th>
              </tr>
            </thead>
            <tbody>
              {report.sources.map((row) => (
                <tr key={row.source}>
                  <th scope="row">{sourceLabel(row.source)}</th>
                  <td className="number">{row.customers}</td>
                  <td className="number">{row.churned}</td>
                  <td className="number">{row.retained}</td>
                  <td className="number">{formatRate(row.retainedShare)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All sources</th>
                <td className="number">{report.customers}</td>
                <td className="number">{report.churned}</td>
                <td className="number">{report.retained}</td>
                <td className="number">{formatRate(report.retainedShare)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
