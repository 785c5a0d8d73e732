// The funnel: episodes that reached each stage, as bars (recharts) and, for screen readers and copying, as a table
// of the same figures with each stage's share of all episodes.
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatNumber, formatPercent } from '../../journeys/metrics.ts';
import type { JourneyReport } from '../../journeys/types.ts';

export function JourneyFunnel({ report }: { report: JourneyReport }) {
  const total = report.overall.episodes;
  const data = report.stages.map((stage, index) => ({ name: `${index + 1}. ${stage.name}`, episodes: stage.episodes }));
  const summary = data.map((stage) => `${stage.name}: ${formatNumber(stage.episodes)}`).join(', ');
  return (
    <figure className="journey-funnel" aria-labelledby="journey-funnel-caption">
      <figcaption id="journey-funnel-caption" className="visually-hidden">
        Episodes per stage
      </figcaption>
      <div className="journey-funnel-chart" role="img" aria-label={`Episodes per stage: ${summary}.`}>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 20, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="#e3e6eb" />
            <XAxis dataKey="name" tick={{ fill: '#475467', fontSize: 12 }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fill: '#475467', fontSize: 12 }} width={40} />
            <Bar dataKey="episodes" fill="#3b5bdb" radius={[4, 4, 0, 0]} isAnimationActive={false}>
              <LabelList dataKey="episodes" position="top" fill="#1f2430" fontSize={12} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="data-table journey-funnel-table" data-testid="journey-funnel-table">
        <caption>Episodes per stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" className="number">
              Episodes
            </th>
            <th scope="col" className="number">
              Of all episodes
            </th>
          </tr>
        </thead>
        <tbody>
          {data.map((stage) => (
            <tr key={stage.name}>
              <th scope="row">{stage.name}</th>
              <td className="number">{formatNumber(stage.episodes)}</td>
              <td className="number">{formatPercent(total ? (stage.episodes / total) * 100 : null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
