// The front door of privacy: a customer's whole record on request, across every capability that holds part of it.

/**
 * Export (GDPR art. 15) or erase (art. 17) a customer and every profile merged into them.
 * @example const data = await exportCustomer(db, 'cus_123', actor);
 */
export { type CustomerExport, eraseCustomer, exportCustomer } from './service.ts';
