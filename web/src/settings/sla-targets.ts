// SLA targets as the grid edits them (hours and minutes per priority and metric) and as the API keeps them.
import { CASE_PRIORITIES } from '../choices.ts';
import type { CasePriority } from '../api/types.ts';
import { joinMinutes, splitMinutes, formatMinutes, type HoursAndMinutes } from './durations.ts';
import { SLA_METRICS, type SlaMetric, type SlaTargets } from './types.ts';

/** Most urgent first: the row a manager tunes most often is on top. */
export const PRIORITIES_BY_URGENCY: readonly CasePriority[] = [...CASE_PRIORITIES].reverse();

export const METRIC_NAMES: Record<SlaMetric, string> = {
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
};

export type TargetsDraft = Record<CasePriority, Record<SlaMetric, HoursAndMinutes>>;

export function targetsDraftOf(targets: SlaTargets): TargetsDraft {
  const draft = {} as TargetsDraft;
  for (const priority of CASE_PRIORITIES) {
    const row = {} as Record<SlaMetric, HoursAndMinutes>;
    for (const metric of SLA_METRICS) row[metric] = splitMinutes(targets[priority]?.[metric]);
    draft[priority] = row;
  }
  return draft;
}

/** Only the targets filled in; a priority with none is left out (no clock for it). */
export function targetsOf(draft: TargetsDraft): SlaTargets {
  const targets: SlaTargets = {};
  for (const priority of CASE_PRIORITIES) {
    const row: Partial<Record<SlaMetric, number>> = {};
    for (const metric of SLA_METRICS) {
      const minutes = joinMinutes(draft[priority][metric]);
      if (minutes !== undefined) row[metric] = minutes;
    }
    if (Object.keys(row).length > 0) targets[priority] = row;
  }
  return targets;
}

/** The field the API names for one cell: `targets.urgent.firstResponse`. */
export function targetField(priority: CasePriority, metric: SlaMetric): string {
  return `targets.${priority}.${metric}`;
}

export const TARGET_FIELDS: readonly string[] = CASE_PRIORITIES.flatMap((priority) =>
  SLA_METRICS.map((metric) => targetField(priority, metric)),
);

/** `30m / 1h / 4h` for first response, next response and resolution; `—` for a missing one. */
export function describeTargets(targets: SlaTargets, priority: CasePriority): string {
  const row = targets[priority];
  if (!row) return 'No targets';
  return SLA_METRICS.map((metric) => (row[metric] === undefined ? '—' : formatMinutes(row[metric]!))).join(' / ');
}
