// The front door of flags: what other capabilities may use. Everything else in this folder is its own business.
export {
  changesLifetimeValue,
  CONTACT_FLAGS,
  lifetimeValueCurrency,
  lifetimeValueOf,
  listFlagRules,
  reevaluateChangedFlagRules,
  refreshRuleFlags,
  refreshRuleFlagsOf,
  ruleFlagHoldersAmong,
  sweepLapsedFlags,
  sweepNewlyQuiet,
  updateFlagRule,
  VALUE_FLAGS,
} from './service.ts';
export { holdersOf } from './store.ts';
