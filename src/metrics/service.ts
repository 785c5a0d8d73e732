// Metrics as the API and the dashboards read them: cells brought up to date, merged per row of the grouping, and
// turned into values by the definitions in model.ts. The total comes from the cells kept for everything together,
// so a segment breakdown (where one customer may be in two segments) never double-counts it.
import type { Db } from '../store/db.ts';
import {
  type Cell,
  type CellDimension,
  CELL_OF,
  coverOf,
  type Dimension,
  dayToDate,
  mergeCells,
  type MetricName,
  type MetricValue,
  metricValue,
  type Period,
  periodOf,
} from './model.ts';
import { metricsStillToCount, metricsTimeZone, refreshMetrics } from './refresh.ts';
import { backlogBefore, cellsIn, namesOf, type StoredCell } from './store.ts';

export interface MetricsPlan {
  names: MetricName[];
  dimension: Dimension | null;
  period: Period | null;
  /** Only this value of a dimension (team=…): read from that dimension's cells. */
  filter: { dimension: Dimension; key: string } | null;
  /** Local days, [fromDay, toDay). */
  fromDay: number;
  toDay: number;
  compare: boolean;
  /** Times (ttfr, ttr) in the teams' business hours rather than on the clock. */
  businessHours?: boolean;
}

export interface MetricValues {
  values: Partial<Record<MetricName, MetricValue>>;
  counts: Partial<Record<MetricName, number>>;
}

export interface MetricsRow extends MetricValues {
  dimensions: Partial<Record<Dimension | Period, string>>;
}

export interface MetricsResult {
  from: string;
  to: string;
  timeZone: string;
  names: MetricName[];
  by: Array<Dimension | Period>;
  rows: MetricsRow[];
  total: MetricValues;
  previous?: { from: string; to: string; rows: MetricsRow[]; total: MetricValues };
  labels: { team: Record<string, string>; agent: Record<string, string> };
  /** While a rebuild is counted in the background: how many cases, answers and gestures it has still to count. */
  stillToCount?: number;
}

/** Stored cells a metric needs ('spend:' stands for every currency's). */
function cellsNeeded(names: readonly MetricName[]): string[] {
  const cells = new Set<string>();
  for (const name of names) {
    cells.add(CELL_OF[name]);
    if (name === 'reopen_rate') cells.add('reopened');
    if (name === 'responses') for (const kind of ['nps', 'csat', 'ces']) cells.add(`survey:${kind}`);
    if (name === 'gesture_spend') cells.add('spend:');
  }
  return [...cells];
}

export async function metricsOf(db: Db, plan: MetricsPlan): Promise<MetricsResult> {
  await refreshMetrics(db);
  const timeZone = await metricsTimeZone(db);
  const current = await rowsAndTotal(db, plan);
  const result: MetricsResult = {
    from: dayToDate(plan.fromDay),
    to: dayToDate(plan.toDay),
    timeZone,
    names: plan.names,
    by: [...(plan.dimension ? [plan.dimension] : []), ...(plan.period ? [plan.period] : [])],
    ...current,
    labels: await metricLabels(db),
  };
  if (plan.compare) {
    const length = plan.toDay - plan.fromDay;
    const previousPlan = { ...plan, fromDay: plan.fromDay - length, toDay: plan.fromDay, period: null };
    result.previous = {
      from: dayToDate(previousPlan.fromDay),
      to: dayToDate(previousPlan.toDay),
      ...(await rowsAndTotal(db, previousPlan)),
    };
  }
  const stillToCount = metricsStillToCount(db);
  if (stillToCount !== null) result.stillToCount = stillToCount;
  return result;
}

/** Team and staff names by id, for rows and lists that carry ids. */
export async function metricLabels(db: Db): Promise<MetricsResult['labels']> {
  const names = await namesOf(db);
  return { team: Object.fromEntries(names.team), agent: Object.fromEntries(names.agent) };
}

async function rowsAndTotal(db: Db, plan: MetricsPlan): Promise<{ rows: MetricsRow[]; total: MetricValues }> {
  const needed = cellsNeeded(plan.names).map((cell) =>
    plan.businessHours && BUSINESS_CELLS[cell] ? (BUSINESS_CELLS[cell] as string) : cell,
  );
  const rowDimension = plan.dimension ?? plan.filter?.dimension ?? 'all';
  const rowKey = plan.dimension ? undefined : plan.filter?.key;
  const cells = await cellsCovering(db, needed, rowDimension, plan, plan.period, rowKey);
  const before = plan.names.includes('backlog')
    ? await backlogBefore(db, rowDimension, plan.fromDay, rowKey)
    : new Map<string, number>();

  // Rows keyed by dimension value and period label, in period order so the backlog can run forward.
  const grouped = new Map<string, { key: string; period: string | null; cells: Map<string, Cell> }>();
  for (const cell of cells) {
    const period = plan.period ? periodOf(cell.day, plan.period) : null;
    const key = plan.dimension ? cell.key : '';
    const id = `${key}\u0000${period ?? ''}`;
    let row = grouped.get(id);
    if (!row) {
      row = { key, period, cells: new Map() };
      grouped.set(id, row);
    }
    addCell(row.cells, cell);
  }
  if (plan.period && !plan.dimension) {
    // A chart over time needs every period, also the quiet ones.
    for (let day = plan.fromDay; day < plan.toDay; day++) {
      const period = periodOf(day, plan.period);
      if (!grouped.has(`\u0000${period}`)) grouped.set(`\u0000${period}`, { key: '', period, cells: new Map() });
    }
  }
  const ordered = [...grouped.values()].sort(
    (a, b) => a.key.localeCompare(b.key) || (a.period ?? '').localeCompare(b.period ?? ''),
  );
  const running = new Map<string, number>();
  const rows: MetricsRow[] = ordered.map((row) => {
    const start = running.get(row.key) ?? before.get(rowKey ?? row.key) ?? 0;
    const values = valuesOf(plan.names, row.cells, start);
    running.set(row.key, start + (row.cells.get('backlog')?.n ?? 0));
    const dimensions: MetricsRow['dimensions'] = {};
    if (plan.dimension) dimensions[plan.dimension] = row.key;
    if (plan.period && row.period !== null) dimensions[plan.period] = row.period;
    return { dimensions, ...values };
  });

  // The total: for a breakdown, the cells kept for everything (or the filtered value) over the whole range.
  let totalCells: Map<string, Cell>;
  let totalBefore: number;
  if (plan.dimension) {
    const totalDimension = plan.filter?.dimension ?? 'all';
    const totalKey = plan.filter?.key ?? '';
    totalCells = new Map();
    for (const cell of await cellsCovering(db, needed, totalDimension, plan, null, totalKey)) addCell(totalCells, cell);
    totalBefore = plan.names.includes('backlog')
      ? ((await backlogBefore(db, totalDimension, plan.fromDay, totalKey)).get(totalKey) ?? 0)
      : 0;
  } else {
    totalCells = new Map();
    for (const cell of cells) addCell(totalCells, cell);
    totalBefore = before.get(rowKey ?? '') ?? 0;
  }
  return { rows, total: valuesOf(plan.names, totalCells, totalBefore) };
}

/** The cells of [fromDay, toDay) at the coarsest grains whose cells each fall in one row of the answer. */
async function cellsCovering(
  db: Db,
  needed: string[],
  dimension: CellDimension,
  range: { fromDay: number; toDay: number },
  period: Period | null,
  key: string | undefined,
): Promise<StoredCell[]> {
  const cells: StoredCell[] = [];
  for (const span of coverOf(range.fromDay, range.toDay, period))
    cells.push(...(await cellsIn(db, needed, dimension, span.grain, span.from, span.to, key)));
  return cells;
}

/** The business-hours twin of a time's cell; read in its place, under its name, when asked for. */
const BUSINESS_CELLS: Record<string, string> = { ttfr: 'ttfr_bh', ttr: 'ttr_bh' };
const CLOCK_CELLS: Record<string, string> = { ttfr_bh: 'ttfr', ttr_bh: 'ttr' };

function addCell(into: Map<string, Cell>, cell: StoredCell): void {
  const name = CLOCK_CELLS[cell.metric] ?? cell.metric;
  const merged = into.get(name);
  into.set(name, merged ? mergeCells(merged, cell) : cell);
}

function valuesOf(names: readonly MetricName[], cells: Map<string, Cell>, backlogBefore: number): MetricValues {
  const values: MetricValues['values'] = {};
  const counts: MetricValues['counts'] = {};
  for (const name of names) {
    const { value, count } = metricValue(name, { cells, backlogBefore });
    values[name] = value;
    counts[name] = count;
  }
  return { values, counts };
}
