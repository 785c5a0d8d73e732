// CX metrics kept current per day and dimension (issue 15): the refresher, the query, the drill-down, the routes.
export { metricRoutes } from './routes.ts';
export {
  configureMetricsCatchUp,
  countAllMetrics,
  metricsStillToCount,
  rebuildMetrics,
  refreshMetrics,
  stopMetricsCatchUp,
} from './refresh.ts';
