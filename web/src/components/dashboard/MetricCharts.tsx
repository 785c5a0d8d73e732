// The dashboard's charts, drawn by recharts: a metric over time as a line with a point per day, week or month
// (a gap where there was nothing to count), and a metric per value of a dimension as bars. Numbers on the axes
// and in the tooltips are worded as on the tiles; each chart has a table beside it for screen readers.
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMetric, METRIC_INFO } from '../../dashboard/metric-format.ts';
import type { MetricName } from '../../dashboard/metrics-api.ts';
import type { ChartPoint } from '../../dashboard/metric-rows.ts';

const ACCENT = '#3b5bdb';
const GRID = '#e3e6eb';
const TICK = { fontSize: 12, fill: '#4a5263' };

const wholeNumbers = (name: MetricName) => METRIC_INFO[name].unit === 'count';

interface OverTimeChartProps {
  name: MetricName;
  points: ChartPoint[];
  /** Says what the chart shows, for those who do not see it. */
  label: string;
}

export function OverTimeChart({ name, points, label }: OverTimeChartProps) {
  const format = (value: unknown) => (typeof value === 'number' ? formatMetric(name, value) : '');
  return (
    <div className="metric-chart" data-testid="over-time-chart">
      <LineChart responsive style={{ width: '100%', height: 260 }} data={points} title={label} role="img">
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="label" tick={TICK} tickLine={false} interval="preserveStartEnd" minTickGap={16} />
        <YAxis
          tick={TICK}
          tickFormatter={format}
          allowDecimals={!wholeNumbers(name)}
          width={84}
          axisLine={false}
          tickLine={false}
        />
        <Tooltip formatter={(value) => [format(value), METRIC_INFO[name].label]} />
        <Line
          type="linear"
          dataKey="value"
          name={METRIC_INFO[name].label}
          stroke={ACCENT}
          strokeWidth={2}
          dot={{ r: 3, fill: ACCENT }}
          connectNulls={false}
        />
      </LineChart>
    </div>
  );
}

interface BarsProps {
  name: MetricName;
  bars: Array<{ key: string; label: string; value: number | null }>;
  label: string;
}

/** One horizontal bar per value of the dimension, so long team and agent names stay readable. */
export function BreakdownBars({ name, bars, label }: BarsProps) {
  const format = (value: unknown) => (typeof value === 'number' ? formatMetric(name, value) : '');
  const height = Math.max(120, 36 * bars.length + 40);
  return (
    <div className="metric-chart" data-testid="breakdown-chart">
      <BarChart
        responsive
        layout="vertical"
        style={{ width: '100%', height }}
        data={bars}
        title={label}
        role="img"
        margin={{ left: 8, right: 24 }}
      >
        <CartesianGrid stroke={GRID} horizontal={false} />
        <XAxis
          type="number"
          tick={TICK}
          tickFormatter={format}
          allowDecimals={!wholeNumbers(name)}
          axisLine={false}
          tickLine={false}
        />
        <YAxis type="category" dataKey="label" tick={TICK} width={140} tickLine={false} />
        <Tooltip formatter={(value) => [format(value), METRIC_INFO[name].label]} />
        <Bar dataKey="value" name={METRIC_INFO[name].label} fill={ACCENT} maxBarSize={24} />
      </BarChart>
    </div>
  );
}
