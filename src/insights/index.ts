// The insights capability's front door: trends of what customers write (contact reasons, sentiment) over time,
// read from what listening stored with each interaction. It owns no table; its routes are in routes.ts.

/**
 * The period, buckets and movers of a trends request, as pure rules.
 * @example
 * const planned = planTrends({ by: 'reason', timeZone: 'Europe/Berlin', from: '2026-11-01', to: '2026-12-01' }, Date.now());
 * if ('plan' in planned) planned.plan.buckets.length // 30 days
 */
export {
  planTrends,
  tallyTrends,
  moverOrder,
  TREND_DIMENSIONS,
  TREND_INTERVALS,
  MAX_RANGE_DAYS,
  type TrendDimension,
  type TrendInterval,
  type TrendPlan,
} from './model.ts';

/**
 * Trends for a plan, with example messages whose customers are audited as seen.
 * @example const trends = await trendsOf(db, plan, actor); trends.keys[0] // the biggest mover
 */
export { trendsOf, EXAMPLES_VIEWED } from './service.ts';
export { TrendsSchema, type Trends } from './responses.ts';
