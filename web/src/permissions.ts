// What the signed-in staff member may do, from `/api/auth/me`: the UI hides what their role cannot do,
// and the API refuses it anyway, so this is about a calm screen, not security.
import { createContext, useContext } from 'react';
import type { components } from './api/schema.d.ts';

/** The server's closed list of permissions, as the generated API types carry it. */
export type Permission = components['schemas']['SignedInStaff']['permissions'][number];

export const PermissionsContext = createContext<ReadonlySet<string>>(new Set());

/** `const can = useCan(); can('customers:erase') && <EraseButton />` */
export function useCan(): (permission: Permission) => boolean {
  const granted = useContext(PermissionsContext);
  return (permission) => granted.has(permission);
}
