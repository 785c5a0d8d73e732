// Counts over time as stacked bars in plain SVG, one layer per reason or sentiment, with a legend; each bar names
// its figures on hover, and the same figures are a table for screen readers and for copying.
import { useId } from 'react';
import type { Trends } from '../api/types.ts';
import { axisOf, chartDataOf, type ChartData } from '../insights/trend-chart-data.ts';
import { formatCount, periodLabel } from '../insights/trend-format.ts';

const WIDTH = 760;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 36, bottom: 30, left: 40 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
/** At most this many labels under the bars, so that they never overlap. */
const MAX_LABELS = 10;

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
      <Legend data={data} />
      <Bars data={data} label={`${title}: ${describePeak(data)} The figures are in the table after the chart.`} />
      <details className="trend-figures">
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

function Legend({ data }: { data: ChartData }) {
  return (
    <ul className="trend-legend" aria-hidden="true">
      {data.layers.map((layer) => (
        <li key={layer.label}>
          <span className="swatch" style={{ background: layer.colour }} />
          {layer.label}
        </li>
      ))}
    </ul>
  );
}

function Bars({ data, label }: { data: ChartData; label: string }) {
  const { top, step } = axisOf(data.peak);
  const band = PLOT_WIDTH / Math.max(1, data.stacks.length);
  const barWidth = Math.max(1, band * 0.72);
  const y = (value: number) => MARGIN.top + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const every = Math.ceil(data.stacks.length / MAX_LABELS);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
  return (
    <svg className="trend-bars" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
          <text className="tick" x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
            {formatCount(tick)}
          </text>
        </g>
      ))}
      {data.stacks.map((stack, index) => {
        const x = MARGIN.left + index * band + (band - barWidth) / 2;
        let base = 0;
        return (
          <g key={stack.start}>
            {stack.values.map((value, layer) => {
              if (value === 0) return null;
              const from = base;
              base += value;
              const colour = data.layers[layer]?.colour;
              return (
                <rect
                  key={data.layers[layer]?.label ?? layer}
                  x={x}
                  width={barWidth}
                  y={y(base)}
                  height={Math.max(0, y(from) - y(base))}
                  fill={colour}
                >
                  <title>{`${stack.label}: ${data.layers[layer]?.label} ${formatCount(value)} of ${formatCount(stack.total)}`}</title>
                </rect>
              );
            })}
            {index % every === 0 && (
              <text className="tick" x={x + barWidth / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle">
                {stack.label}
              </text>
            )}
          </g>
        );
      })}
      <line className="axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
    </svg>
  );
}

function FiguresTable({ data, trends, caption }: { data: ChartData; trends: Trends; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table trend-figures-table">
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
