// The retention capability's front door: why customers come, stay and leave (acquisition source, retention cohorts,
// churn with its reasons and the experiences before it), computed on demand from what customers did. It owns no
// table (its settings live in `settings`); its routes are in routes.ts.

/**
 * A customer's life as spells of activity ending in churn, and the tallies of the reports, as pure rules.
 * @example
 * const spells = spellsOf(life, { start: from - 90 * DAY_MS, horizon: Date.now() }, 90 * DAY_MS);
 * churnIn(spells, { from, to }) // her churn in the period, or null
 */
export {
  churnIn,
  churnSettingsSchema,
  compareExperiences,
  DAY_MS,
  DEFAULT_CHURN_SETTINGS,
  EXPERIENCES,
  inPopulation,
  spellsOf,
  type ChurnSettings,
  type Experience,
  type Life,
  type Spell,
} from './model.ts';

/**
 * The reports and the settings.
 * @example const report = await churnReport(db, { from, to }, actor, Date.now()); report.churnRate
 */
export {
  acquisitionReport,
  churnReport,
  readChurnSettings,
  REASONS_VIEWED,
  retentionReport,
  writeChurnSettings,
} from './service.ts';
export {
  AcquisitionReportSchema,
  ChurnReportSchema,
  ChurnSettingsSchema,
  RetentionReportSchema,
  type AcquisitionReport,
  type ChurnReport,
  type RetentionReport,
} from './responses.ts';
