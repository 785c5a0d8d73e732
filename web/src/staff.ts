// Who is signed in, for the screens that need more than permissions: "Mine", their team's queue,
// the currency of their empowerment limit, and not offering to approve their own gesture.
import { createContext, useContext } from 'react';
import type { Staff } from './api/types.ts';

export const StaffContext = createContext<Staff | null>(null);

/** `const me = useStaff(); me.teamId` — only inside the signed-in shell. */
export function useStaff(): Staff {
  const staff = useContext(StaffContext);
  if (!staff) throw new Error('useStaff() is only for screens inside the signed-in shell');
  return staff;
}
