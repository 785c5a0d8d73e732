// The figures a stacked bar chart draws (StackedBars.tsx), whatever it counts: layers with their colours, one stack
// of values per bar, and a round axis. Trends and survey score distributions both fill it.

export interface ChartLayer {
  /** The API key; undefined for "Other". */
  key: string | null | undefined;
  label: string;
  colour: string;
}

export interface ChartStack {
  label: string;
  /** What tells the bar apart from the others (a bucket's start, a score). */
  start: string;
  total: number;
  /** Per layer, in the order of `layers`. */
  values: number[];
}

export interface ChartData {
  layers: ChartLayer[];
  stacks: ChartStack[];
  /** The fullest bar's total. */
  peak: number;
}

/** A round top for the axis and its step: 4 steps of 1, 2 or 5 times a power of ten. */
export function axisOf(peak: number): { top: number; step: number } {
  if (peak <= 4) return { top: 4, step: 1 };
  const rough = peak / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  return { top: step * 4, step };
}
