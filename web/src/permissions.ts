// What the signed-in staff member may do, from `/api/auth/me`: the UI hides what their role cannot do,
// and the API refuses it anyway, so this is about a calm screen, not security.
import { createContext, useContext } from 'react';

export type Permission =
  | 'customers:read'
  | 'customers:pii'
  | 'customers:write'
  | 'customers:merge'
  | 'customers:export'
  | 'customers:erase'
  | 'interactions:write'
  | 'cases:read'
  | 'cases:write'
  | 'notes:write'
  | 'gestures:approve'
  | 'settings:manage'
  | 'audit:read'
  | 'keys:manage'
  | 'staff:manage';

export const PermissionsContext = createContext<ReadonlySet<string>>(new Set());

/** `const can = useCan(); can('customers:erase') && <EraseButton />` */
export function useCan(): (permission: Permission) => boolean {
  const granted = useContext(PermissionsContext);
  return (permission) => granted.has(permission);
}
