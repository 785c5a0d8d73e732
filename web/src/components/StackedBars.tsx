// Stacked bars in plain SVG with their legend, from any ChartData: each bar names its figures on hover, and the
// chart says in words what it shows (its table of figures is the caller's). Trends and survey results use it.
import type { ChartData } from '../bar-chart.ts';
import { axisOf } from '../bar-chart.ts';
import '../bar-chart.css';

const WIDTH = 760;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 36, bottom: 30, left: 40 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
/** At most this many labels under the bars by default, so that long ones (a week's dates) never overlap. */
const MAX_LABELS = 10;

const count = new Intl.NumberFormat('en');

/** The legend is for the eye only: the chart's label and its table say the same in words. */
export function ChartLegend({ data }: { data: ChartData }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {data.layers.map((layer) => (
        <li key={layer.label}>
          <span className="swatch" style={{ background: layer.colour }} />
          {layer.label}
        </li>
      ))}
    </ul>
  );
}

interface StackedBarsProps {
  data: ChartData;
  /** What a screen reader hears for the whole chart: what it shows, its main figures, where the table is. */
  label: string;
  /** Short labels (the scores of a scale) may all be shown. */
  maxLabels?: number;
}

export function StackedBars({ data, label, maxLabels = MAX_LABELS }: StackedBarsProps) {
  const { top, step } = axisOf(data.peak);
  const band = PLOT_WIDTH / Math.max(1, data.stacks.length);
  const barWidth = Math.max(1, band * 0.72);
  const y = (value: number) => MARGIN.top + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const every = Math.ceil(data.stacks.length / maxLabels);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
  return (
    <svg className="bar-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
          <text className="tick" x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
            {count.format(tick)}
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
                  <title>{`${stack.label}: ${data.layers[layer]?.label} ${count.format(value)} of ${count.format(stack.total)}`}</title>
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
