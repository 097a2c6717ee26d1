import { useQuery } from '@tanstack/react-query';
import { MemberListResponseSchema } from '../../contracts/practices.js';
import { api } from './api.js';
import { useSession } from './session.js';

/** The practice's team (to show names and pick owners), shared in the cache; asked only when the role may list it. */
export function useMembers() {
  const s = useSession();
  return useQuery({
    queryKey: ['practice', s.practiceId, 'members'],
    queryFn: () => api('GET', `/api/v1/practices/${s.practiceId}/members`, MemberListResponseSchema),
    enabled: s.can('member.list'),
  });
}
