// Kept for the form components that still import from here: the API's shapes are generated (api/types.ts) and
// the choices the UI offers are in choices.ts. Import from those; this file goes once nothing imports it.
export * from './api/types.ts';
export * from './choices.ts';

import type { NewStaffMember as NewStaffBody } from './api/types.ts';

/** The old staff form keeps an empty department as '' rather than null. */
export type NewStaffMember = Omit<NewStaffBody, 'department'> & { department?: string };
