// What customers went through before they left: for each experience, the churn of those who had it against those
// who did not, the largest lift first; a bar chart (recharts) of the two rates, and the table it is drawn from,
// which is also the chart's text alternative.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CsvColumn } from '../csv.ts';
import type { ChurnExperience } from '../retention/api.ts';
import { EXPERIENCE_LABELS, formatLift, formatRate, formatRatio } from '../retention/format.ts';
import { DownloadCsvButton } from './DownloadCsvButton.tsx';

const COLUMNS: ReadonlyArray<CsvColumn<ChurnExperience>> = [
  { header: 'Experience', value: (row) => EXPERIENCE_LABELS[row.experience] },
  { header: 'Customers with it', value: (row) => row.customers },
  { header: 'Churned with it', value: (row) => row.churnedWith },
  { header: 'Churn rate with it', value: (row) => row.withRate },
  { header: 'Customers without it', value: (row) => row.customersWithout },
  { header: 'Churned without it', value: (row) => row.churnedWithout },
  { header: 'Churn rate without it', value: (row) => row.withoutRate },
  { header: 'Lift', value: (row) => row.lift },
  { header: 'Ratio', value: (row) => row.ratio },
];

const WITH_COLOUR = '#c2410c';
const WITHOUT_COLOUR = '#7b8494';

export function ChurnExperiences({
  experiences,
  lookbackDays,
}: {
  experiences: ChurnExperience[];
  lookbackDays: number;
}) {
  const charted = experiences
    .filter((row) => row.withRate !== null && row.withoutRate !== null)
    .map((row) => ({
      name: EXPERIENCE_LABELS[row.experience],
      with: Math.round(row.withRate! * 1000) / 10,
      without: Math.round(row.withoutRate! * 1000) / 10,
    }));
  const worst = experiences.find((row) => row.lift !== null);
  const summary = worst
    ? `Churn rate with and without each experience, in percent. The largest gap: ${EXPERIENCE_LABELS[worst.experience]}, ${formatRate(worst.withRate)} with it against ${formatRate(worst.withoutRate)} without. The figures are in the table after the chart.`
    : 'No customer of the period had any of these experiences.';
  return (
    <section className="panel churn-section" aria-labelledby="churn-experiences-heading">
      <div className="churn-section-head">
        <h2 id="churn-experiences-heading">What came before leaving</h2>
        <DownloadCsvButton what="experiences" filename="churn-experiences.csv" columns={COLUMNS} rows={experiences} />
      </div>
      <p className="muted">
        Each experience in the {lookbackDays} days before a customer left (for those who stayed: before the end of the
        period), and how many of those who had it left, against those who did not. The largest lift first.
      </p>
      {charted.length > 0 && (
        <figure className="churn-chart" aria-label="Churn with and without each experience">
          <div className="churn-chart-area" role="img" aria-label={summary}>
            <ResponsiveContainer width="100%" height={Math.max(160, charted.length * 52 + 60)}>
              <BarChart data={charted} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
                <CartesianGrid horizontal={false} stroke="#e3e6eb" />
                <XAxis type="number" unit="%" domain={[0, 100]} tick={{ fill: '#4a5263', fontSize: 12 }} />
                <YAxis type="category" dataKey="name" width={140} tick={{ fill: '#1f2430', fontSize: 13 }} />
                <Tooltip formatter={(value) => `${value}%`} />
                <Legend formatter={(value) => <span className="churn-legend">{value}</span>} />
                <Bar dataKey="with" name="Churn with it" fill={WITH_COLOUR} isAnimationActive={false} />
                <Bar dataKey="without" name="Churn without it" fill={WITHOUT_COLOUR} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
      )}
      <div className="table-scroll">
        <table className="data-table churn-experiences">
          <caption className="visually-hidden">Churn with and without each experience, the largest lift first</caption>
          <thead>
            <tr>
              <th scope="col">Experience</th>
              <th scope="col" className="number">
                Customers with it
              </th>
              <th scope="col" className="number">
                Churn with it
              </th>
              <th scope="col" className="number">
                Churn without it
              </th>
              <th scope="col" className="number">
                Lift
              </th>
              <th scope="col" className="number">
                Ratio
              </th>
            </tr>
          </thead>
          <tbody>
            {experiences.map((row) => (
              <tr key={row.experience}>
                <th scope="row">{EXPERIENCE_LABELS[row.experience]}</th>
                <td className="number">{row.customers}</td>
                <td className="number">
                  {formatRate(row.withRate)} <span className="muted">({row.churnedWith})</span>
                </td>
                <td className="number">
                  {formatRate(row.withoutRate)}{' '}
                  <span className="muted">
                    ({row.churnedWithout} of {row.customersWithout})
                  </span>
                </td>
                <td className={row.lift !== null && row.lift > 0 ? 'number worse' : 'number'}>
                  {formatLift(row.lift)}
                </td>
                <td className="number">{formatRatio(row.ratio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
