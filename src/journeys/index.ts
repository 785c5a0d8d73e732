// The journeys capability's front door: journeys as stages of touchpoints with targets, and the report of what
// customers actually went through against them. Its routes are in routes.ts.

/**
 * A journey's report over a period: per touchpoint intended beside actual, the funnel, the gaps and bottlenecks.
 * @example const report = await journeyReport(db, 'jrn_…', { from, to, timeZone: 'UTC' }); report.overall.gaps[0]
 */
export { journeyReport, listJourneys, getJourney } from './service.ts';
export { JourneyReportSchema, JourneySchema, type JourneyReport, type JourneyView } from './responses.ts';
export { TARGET_METRICS, type TargetMetric } from './model.ts';
