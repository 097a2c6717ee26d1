import { useQuery } from '@tanstack/react-query';
import { teamRoutes } from '../../contracts/team.routes.js';
import { call, keyOf } from './api.js';
import { usePracticeParams, useSession } from './session.js';

/** The practice's team (to show names and pick owners), shared in the cache; asked only when the role may list it. */
export function useMembers() {
  const s = useSession();
  const params = usePracticeParams();
  return useQuery({
    queryKey: keyOf(teamRoutes.listMembers, { params }),
    queryFn: () => call(teamRoutes.listMembers, { params }),
    enabled: s.can('member.list'),
  });
}
