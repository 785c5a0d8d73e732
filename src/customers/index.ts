// What other capabilities and the HTTP layer may use of customers.
export * from './service.ts';
export * from './identity.ts';
export { resolveCustomer, canonicalCustomer } from './resolution.ts';
export type { Merge } from './merge.ts';
export type { Preference } from './preferences.ts';
