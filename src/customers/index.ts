// What other capabilities and the HTTP layer may use of customers.
export * from './service.ts';
export * from './identity.ts';
export { resolveCustomer, canonicalCustomer } from './resolution.ts';
export type { Merge } from './merge.ts';
export {
  customerRecordsOf,
  type CustomerRecords,
  eraseCustomerRecords,
  liveCustomer,
  type LiveCustomer,
} from './privacy.ts';
export type { Preference } from './preferences.ts';
export { identityCacheFor } from './identity-cache.ts';
export { customerLabel, customerLabelFactsOf } from './label.ts';
export { profilesOf } from './merge.ts';
export {
  applyObservedBehaviour,
  discardObservedBehaviour,
  observeBehaviour,
  setExplicitPreference,
} from './preferences.ts';
export { acquisitionSourceOf, nameFromTraits, splitPreferenceTraits } from './profile.ts';
export { CustomerRecordsSchema, MergeSchema, PreferenceSchema } from './responses.ts';
export { customersWithEmailAfter } from './store.ts';
