// Names for the staff ids in the audit log. Only admins may list staff (`staff:manage`); managers learn their
// colleagues' names from the teams they see, as the case form does, and everyone knows their own.
import { useMemo } from 'react';
import { api } from '../api.ts';
import { useCan } from '../permissions.ts';
import { useStaff } from '../staff.ts';
import { useLoaded } from '../useLoaded.ts';

interface Named {
  id: string;
  name: string;
}

/** Staff ids to names; an id missing here is shown as the id. */
export function useStaffNames(): ReadonlyMap<string, string> {
  const me = useStaff();
  const can = useCan();
  const listsStaff = can('staff:manage');
  const seesTeams = can('cases:read');
  const [known] = useLoaded<Named[]>(async () => {
    if (listsStaff) return (await api.staff()).items;
    if (seesTeams) return (await api.teams()).items.flatMap((team) => team.members ?? []);
    return [];
  });
  // A failed look-up is not worth an alert: names are a convenience and the ids still identify everyone.
  return useMemo(() => {
    const listed = known.state === 'ready' ? known.value : [];
    return new Map([...listed.map((member): [string, string] => [member.id, member.name]), [me.id, me.name]]);
  }, [known, me]);
}
