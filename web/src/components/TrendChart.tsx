// Counts over time as stacked bars (StackedBars), one layer per reason or sentiment, with a legend; the same
// figures are a table for screen readers and for copying.
import { useId } from 'react';
import type { Trends } from '../api/types.ts';
import type { ChartData } from '../bar-chart.ts';
import { chartDataOf } from '../insights/trend-chart-data.ts';
import { formatCount, periodLabel } from '../insights/trend-format.ts';
import { ChartLegend, StackedBars } from './StackedBars.tsx';

export function TrendChart({ trends }: { trends: Trends }) {
  const data = chartDataOf(trends);
  const id = useId();
  const per = trends.interval === 'day' ? 'day' : 'week';
  const title = `${trends.by === 'reason' ? 'Contact reasons' : 'Sentiment'} per ${per}, ${periodLabel(trends.from, trends.to)}`;
  return (
    <figure className="trend-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="visually-hidden">
        {title}
      </figcaption>
      <ChartLegend data={data} />
      <StackedBars
        data={data}
        label={`${title}: ${describePeak(data)} The figures are in the table after the chart.`}
      />
      <details className="chart-figures">
        <summary>Show the figures as a table</summary>
        <FiguresTable data={data} trends={trends} caption={title} />
      </details>
    </figure>
  );
}

function describePeak(data: ChartData): string {
  const total = data.stacks.reduce((sum, stack) => sum + stack.total, 0);
  const fullest = data.stacks.find((stack) => stack.total === data.peak && stack.total > 0);
  return fullest
    ? `${formatCount(total)} in all, the most on ${fullest.label} (${formatCount(fullest.total)}).`
    : 'nothing was counted.';
}

function FiguresTable({ data, trends, caption }: { data: ChartData; trends: Trends; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table chart-figures-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{trends.interval === 'day' ? 'Day' : 'Week'}</th>
            {data.layers.map((layer) => (
              <th scope="col" key={layer.label} className="number">
                {layer.label}
              </th>
            ))}
            <th scope="col" className="number">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {data.stacks.map((stack) => (
            <tr key={stack.start}>
              <th scope="row">{stack.label}</th>
              {stack.values.map((value, layer) => (
                <td key={data.layers[layer]?.label ?? layer} className="number">
                  {formatCount(value)}
                </td>
              ))}
              <td className="number">{formatCount(stack.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
