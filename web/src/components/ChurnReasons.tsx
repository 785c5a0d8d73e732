// The reasons churned customers gave: from the churn event, the cancellation survey and their last case, each with
// how many gave it and a few of their own words (the customer linked; the server audited that they were shown).
import type { CsvColumn } from '../csv.ts';
import { followLink } from '../router.ts';
import type { ChurnReason } from '../retention/api.ts';
import { formatRate, REASON_SOURCE_LABELS, reasonLabel } from '../retention/format.ts';
import { DownloadCsvButton } from './DownloadCsvButton.tsx';

const COLUMNS: ReadonlyArray<CsvColumn<ChurnReason>> = [
  { header: 'Source', value: (row) => REASON_SOURCE_LABELS[row.source] },
  { header: 'Reason', value: (row) => reasonLabel(row) },
  { header: 'Customers', value: (row) => row.count },
  { header: 'Share of churned', value: (row) => row.share },
];

export function ChurnReasons({ reasons, churned }: { reasons: ChurnReason[]; churned: number }) {
  return (
    <section className="panel churn-section" aria-labelledby="churn-reasons-heading">
      <div className="churn-section-head">
        <h2 id="churn-reasons-heading">Why they left</h2>
        {reasons.length > 0 && (
          <DownloadCsvButton what="reasons" filename="churn-reasons.csv" columns={COLUMNS} rows={reasons} />
        )}
      </div>
      {reasons.length === 0 ? (
        <p className="empty-state">
          {churned === 0 ? 'Nobody left in this period.' : 'Those who left gave no reason we could read.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table churn-reasons">
            <caption className="visually-hidden">Reasons customers who left gave</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Reason</th>
                <th scope="col" className="number">
                  Customers
                </th>
                <th scope="col" className="number">
                  Share
                </th>
                <th scope="col">In their words</th>
              </tr>
            </thead>
            <tbody>
              {reasons.map((reason) => (
                <tr key={`${reason.source}:${reason.reason ?? ''}`}>
                  <td>{REASON_SOURCE_LABELS[reason.source]}</td>
                  <th scope="row">{reasonLabel(reason)}</th>
                  <td className="number">{reason.count}</td>
                  <td className="number">{formatRate(reason.share)}</td>
                  <td>
                    {reason.quotes.map((quote) => {
                      const path = `/customers/${encodeURIComponent(quote.customerId)}`;
                      return (
                        <figure key={quote.customerId} className="churn-quote">
                          <blockquote>{quote.text}</blockquote>
                          <figcaption>
                            <a href={path} onClick={(event) => followLink(event, path)}>
                              {quote.customerName ?? 'Unnamed customer'}
                            </a>
                          </figcaption>
                        </figure>
                      );
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
