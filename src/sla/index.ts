// The front door of sla: what other capabilities may use. Everything else in this folder is its own business.
export {
  addBusinessMinutes,
  ALWAYS_OPEN,
  type BusinessHours,
  businessHoursSchema,
  businessMillisBetween,
  type Calendar,
  holidaysSchema,
  isAlwaysOpen,
  isOpenAt,
  nextOpening,
  timezoneSchema,
} from './business-hours.ts';
export {
  nextResponseDueAt,
  openingDueTimes,
  resumedDueAt,
  retargetedResolutionDueAt,
  type SlaClock,
  slaTargetsSchema,
} from './policy.ts';
export { type Breach, breachesOf, findPolicy, overdueClocks, recordBreach, withdrawBreach } from './store.ts';
export { BusinessHoursSchema, HolidaysSchema, SlaPolicyListSchema, SlaPolicySchema } from './responses.ts';
