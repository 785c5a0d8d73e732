// Names for the staff ids in the audit log. Only admins may list staff (`staff:manage`); managers learn their
// colleagues' names from the teams they see, as the case form does, and everyone knows their own.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api.ts';
import { queryKeys } from '../queries.ts';
import { useCan } from '../permissions.ts';
import { useStaff } from '../staff.ts';

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
  const staff = useQuery({ queryKey: queryKeys.staff(), queryFn: () => api.staff(), enabled: listsStaff });
  const teams = useQuery({
    queryKey: queryKeys.teams(false),
    queryFn: () => api.teams(),
    enabled: !listsStaff && seesTeams,
  });
  // A failed look-up is not worth an alert: names are a convenience and the ids still identify everyone.
  return useMemo(() => {
    const listed: Named[] = listsStaff
      ? (staff.data?.items ?? [])
      : (teams.data?.items.flatMap((team) => team.members ?? []) ?? []);
    return new Map([...listed.map((member): [string, string] => [member.id, member.name]), [me.id, me.name]]);
  }, [listsStaff, staff.data, teams.data, me]);
}
