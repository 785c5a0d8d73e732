// SLA policies: targets in minutes per priority, counted in the team's business hours or around the clock.
import { z } from 'zod';
import { CASE_PRIORITIES, type CasePriority } from '../shared/priority.ts';
import { addBusinessMinutes, businessMillisBetween, ALWAYS_OPEN, type Calendar } from './business-hours.ts';

const minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 365);
const target = z
  .object({ firstResponse: minutes.optional(), nextResponse: minutes.optional(), resolution: minutes.optional() })
  .strict();
export const slaTargetsSchema = z.partialRecord(z.enum(CASE_PRIORITIES), target);
export type SlaTargets = z.infer<typeof slaTargetsSchema>;

/** The three clocks a policy runs on a case. */
export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export interface SlaPolicy {
  id: string;
  name: string;
  targets: SlaTargets;
  businessHoursOnly: boolean;
}

export interface SlaClock {
  policy: SlaPolicy;
  calendar: Calendar;
}

function dueAfter(clock: SlaClock, from: number, targetMinutes: number | undefined): number | null {
  if (targetMinutes === undefined) return null;
  return addBusinessMinutes(from, targetMinutes, calendarOf(clock));
}

/** Due times set when a case opens (when its targets change, see retargetedResolutionDueAt). */
export function openingDueTimes(clock: SlaClock | null, priority: CasePriority, openedAt: number) {
  const targets = clock?.policy.targets[priority];
  if (!clock || !targets) return { firstResponseDueAt: null, resolutionDueAt: null };
  return {
    firstResponseDueAt: dueAfter(clock, openedAt, targets.firstResponse),
    resolutionDueAt: dueAfter(clock, openedAt, targets.resolution),
  };
}

/** When the next reply is due after the customer writes again once a first response was sent. */
export function nextResponseDueAt(clock: SlaClock | null, priority: CasePriority, inboundAt: number): number | null {
  const targets = clock?.policy.targets[priority];
  return clock && targets ? dueAfter(clock, inboundAt, targets.nextResponse) : null;
}

/**
 * The resolution due time once a paused clock runs again: later by the time it stood still, counted
 * in the same (business) time as the target, so a weekend spent waiting on the customer costs nothing.
 */
export function resumedDueAt(clock: SlaClock | null, dueAt: number, pausedAt: number, now: number): number {
  const calendar = calendarOf(clock);
  const stoodStill = businessMillisBetween(pausedAt, now, calendar);
  return stoodStill === 0 ? dueAt : addBusinessMinutes(dueAt, stoodStill / 60_000, calendar);
}

/**
 * The resolution due time when a case's targets change (another priority, or a team with other hours
 * or another policy): counted from the opening under the new targets, then later by the business time
 * the clock has already stood still (pending). That credit is what the old due time holds beyond the
 * old target, measured in the old calendar; a pause still running is added when it ends, as usual.
 */
export function retargetedResolutionDueAt(
  before: { clock: SlaClock | null; priority: CasePriority; resolutionDueAt: number | null },
  after: { clock: SlaClock | null; priority: CasePriority },
  openedAt: number,
): number | null {
  const target = openingDueTimes(after.clock, after.priority, openedAt).resolutionDueAt;
  const original = openingDueTimes(before.clock, before.priority, openedAt).resolutionDueAt;
  if (target === null || original === null || before.resolutionDueAt === null || before.resolutionDueAt <= original)
    return target;
  const credit = businessMillisBetween(original, before.resolutionDueAt, calendarOf(before.clock));
  return credit === 0 ? target : addBusinessMinutes(target, credit / 60_000, calendarOf(after.clock));
}

function calendarOf(clock: SlaClock | null): Calendar {
  return clock?.policy.businessHoursOnly ? clock.calendar : ALWAYS_OPEN;
}
